import { describe, expect, it } from "vitest";
import { searchExpectations } from "~/modules/ladders/search-expectations.server";
import { fixtureLadder, fixtureWith, loadValid } from "./helpers";

describe("searchExpectations", () => {
  const ladder = fixtureLadder();
  const where = (query: string, options = {}) =>
    searchExpectations(ladder, query, options).map(
      (hit) => `${hit.levelId}/${hit.competencyId}: ${hit.text} [${hit.matchedIn}]`,
    );

  it("matches case-insensitively and returns track, level, competency and text", () => {
    expect(searchExpectations(ladder, "ONE-TO-ONES")).toEqual([
      {
        trackId: "manager",
        levelId: "m1",
        competencyId: "coaching",
        text: "Holds regular one-to-ones with each person.",
        examples: [],
        matchedIn: "expectation",
        score: expect.any(Number),
      },
    ]);
  });

  it("ranks the whole phrase above scattered words, and expectations above examples and competency names", () => {
    expect(where("shared helper")).toEqual([
      "ic1/code-quality: Acts on review feedback promptly. [example]",
    ]);
    expect(where("teams")).toEqual([
      "ic2/collaboration: Works through disagreements with other teams. [expectation]",
      "ic3/collaboration: Brings teams with competing goals to one plan. [expectation]",
      "m1/collaboration: Agrees priorities with neighbouring teams. [expectation]",
      "m2/collaboration: Resolves conflicts between teams before they escalate. [expectation]",
    ]);
    const hits = where("readable changes");
    expect(hits[0]).toBe(
      "ic1/code-quality: Writes small, readable changes that follow the team's conventions. [expectation]",
    );
    expect(hits[1]).toBe(
      "ic2/code-quality: Writes small, readable, well-tested changes that follow the team's conventions. [expectation]",
    );
  });

  it("matches competency names, ranked below text matches", () => {
    const hits = searchExpectations(ladder, "coaching");
    expect(hits.map((hit) => hit.matchedIn)).toEqual(["competency", "competency"]);
    expect(where("testing tests")[0]).toBe(
      "ic1/testing: Adds tests with every change that alters behaviour. [expectation]",
    );
    // "quality" is in one expectation's text and in the name of the competency code quality: the text match comes first.
    expect(
      searchExpectations(ladder, "quality").map(
        (hit) => `${hit.levelId}/${hit.competencyId} [${hit.matchedIn}]`,
      ),
    ).toEqual([
      "ic3/code-quality [expectation]",
      "ic1/code-quality [competency]",
      "ic1/code-quality [competency]",
      "ic2/code-quality [competency]",
      "ic2/code-quality [competency]",
    ]);
  });

  it("needs every word to match, and supports a track filter and a limit", () => {
    expect(where("teams banana")).toEqual([]);
    expect(where("teams", { trackId: "manager" })).toHaveLength(2);
    expect(where("teams", { limit: 1 })).toHaveLength(1);
    expect(where("   ")).toEqual([]);
  });
});

describe("Markdown in ladder text", () => {
  it("matches the words, not the markup, and shows the words", () => {
    const ladder = loadValid(
      fixtureWith(
        "tracks/ic.yaml",
        "            - Asks for help early.\n",
        "            - Asks for **help** early, see [the guide](https://example.com/help).\n",
      ),
    );
    const hits = searchExpectations(ladder, "help early see the guide");
    expect(hits[0]).toMatchObject({
      levelId: "ic1",
      competencyId: "collaboration",
      text: "Asks for help early, see the guide.",
    });
    expect(searchExpectations(ladder, "example.com")).toEqual([]);
  });
});
