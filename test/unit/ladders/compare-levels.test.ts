import { describe, expect, it } from "vitest";
import { compareLevels, getLevel } from "~/modules/ladders";
import { levelComparisonView } from "~/modules/ladders/views";
import { wordDiff } from "~/modules/ladders/compare-levels";
import { fixtureLadder, fixtureWith, loadValid } from "./helpers";

describe("compareLevels", () => {
  const ladder = fixtureLadder();

  it("lists per competency only the expectations that differ", () => {
    const comparison = compareLevels(ladder, "ic1", "ic2")!;
    const collaboration = comparison.changes.find(
      (change) => change.competency.id === "collaboration",
    );
    expect(collaboration).toMatchObject({
      presence: "both",
      onlyInA: ["Asks for help early."],
      onlyInB: ["Works through disagreements with other teams."],
      reworded: [],
      unchanged: 1,
      target: null,
    });
    expect(comparison.changes.map((change) => change.competency.id)).toEqual([
      "code-quality",
      "testing",
      "collaboration",
    ]);
  });

  it("marks competencies only one of the two levels' tracks uses", () => {
    const comparison = compareLevels(ladder, "ic3", "m2")!;
    expect(comparison.changes.map((change) => [change.competency.id, change.presence])).toEqual([
      ["code-quality", "only-a"],
      ["testing", "only-a"],
      ["collaboration", "both"],
      ["coaching", "only-b"],
    ]);
    const coaching = comparison.changes.find((change) => change.competency.id === "coaching")!;
    expect(coaching.onlyInA).toEqual([]);
    expect(coaching.onlyInB).toEqual(["Coaches the managers who report to them."]);
  });

  it("leaves out statements made in the same words, and shows a rewording as a word diff", () => {
    const comparison = compareLevels(ladder, "ic1", "ic2")!;
    const collaboration = comparison.changes.find(
      (change) => change.competency.id === "collaboration",
    )!;
    expect(collaboration.unchanged).toBe(1); // "Shares progress without being asked." is at both levels
    const codeQuality = comparison.changes.find(
      (change) => change.competency.id === "code-quality",
    )!;
    expect(codeQuality.onlyInA).toEqual(["Acts on review feedback promptly."]);
    expect(codeQuality.onlyInB).toEqual(["Leaves code easier to change than they found it."]);
    expect(codeQuality.reworded).toEqual([
      {
        from: "Writes small, readable changes that follow the team's conventions.",
        to: "Writes small, readable, well-tested changes that follow the team's conventions.",
        words: wordDiff(
          "Writes small, readable changes that follow the team's conventions.",
          "Writes small, readable, well-tested changes that follow the team's conventions.",
        ),
      },
    ]);
    expect(
      codeQuality.reworded[0]!.words.filter((part) => part.kind !== "same").map((part) => [
        part.kind,
        part.text.trim(),
      ]),
    ).toEqual([["added", ", well-tested"]]);
  });

  it("a competency whose only change is its target is listed with both targets", () => {
    const sources = fixtureWith(
      "tracks/ic.yaml",
      "        title: Engineer II\n",
      "        title: Engineer II\n        targets: { collaboration: 4 }\n",
    );
    const comparison = compareLevels(loadValid(sources), "ic2", "ic2")!;
    expect(comparison.changes).toEqual([]);
    const across = compareLevels(loadValid(sources), "ic1", "ic2")!;
    expect(
      across.changes.find((change) => change.competency.id === "collaboration")!.target,
    ).toEqual({ a: 3, b: 4 });
    expect(
      across.changes.find((change) => change.competency.id === "code-quality")!.target,
    ).toBeNull();
  });

  it("a word diff keeps every word once, in order", () => {
    const parts = wordDiff(
      "Leads incident response for the team.",
      "Leads incident reviews for the whole team.",
    );
    expect(
      parts
        .filter((part) => part.kind !== "added")
        .map((part) => part.text)
        .join(""),
    ).toBe("Leads incident response for the team.");
    expect(
      parts
        .filter((part) => part.kind !== "removed")
        .map((part) => part.text)
        .join(""),
    ).toBe("Leads incident reviews for the whole team.");
    expect(parts.some((part) => part.kind === "same")).toBe(true);
  });

  it("has nothing to say about a level compared with itself, or about unknown levels", () => {
    expect(compareLevels(ladder, "m1", "m1")?.changes).toEqual([]);
    expect(compareLevels(ladder, "m1", "m9")).toBeUndefined();
  });
});

describe("levelComparisonView, worked out once per loaded ladder", () => {
  it("answers the same pair alike each time, and a reloaded ladder from its own content", () => {
    const first = fixtureLadder();
    const view = levelComparisonView(first, "ic1", "ic2")!;
    expect(levelComparisonView(first, "ic1", "ic2")).toEqual(view);
    // A reload is a new ladder object with the same id: its changed words show, not the first ladder's.
    const reloaded = fixtureLadder();
    const ic2 = getLevel(reloaded, "ic2")!;
    ic2.expectations["collaboration"] = [
      ...(ic2.expectations["collaboration"] ?? []),
      { text: "Runs the team's retrospectives.", examples: [] },
    ];
    const after = levelComparisonView(reloaded, "ic1", "ic2")!;
    expect(after.changes.find((change) => change.id === "collaboration")?.onlyInTo).toContain(
      "Runs the team's retrospectives.",
    );
    expect(view.changes.find((change) => change.id === "collaboration")?.onlyInTo).not.toContain(
      "Runs the team's retrospectives.",
    );
    expect(levelComparisonView(first, "ic1", "nowhere")).toBeUndefined();
  });
});
