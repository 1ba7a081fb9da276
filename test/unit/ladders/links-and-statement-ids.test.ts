import { describe, expect, it } from "vitest";
import { readStoredLadder } from "~/modules/ladders";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { errorLines, fixtureWith, loadValid, warningLines } from "./helpers";

const withStatement = (yaml: string) =>
  fixtureWith("tracks/ic.yaml", "            - Asks for help early.\n", yaml);
const testingWith = (yaml: string) =>
  fixtureWith(
    "competencies.yaml",
    "    description: Confidence that software works.\n",
    `    description: Confidence that software works.\n${yaml}`,
  );

describe("references (links) on competencies and statements", () => {
  it("a competency's links and a statement's links reach the ladder model, in order", () => {
    const ladder = loadValid(
      fixtureWith(
        "tracks/ic.yaml",
        "            - Asks for help early.\n",
        [
          "            - id: asks-early",
          "              text: Asks for help early.",
          "              links:",
          '                - { title: Asking for help, url: "https://example.com/asking" }',
          "",
        ].join("\n"),
      ).map((source) =>
        source.file.endsWith("competencies.yaml") && typeof source.text === "string"
          ? {
              ...source,
              text: source.text.replace(
                "    description: Confidence that software works.\n",
                "    description: Confidence that software works.\n    links:\n      - title: Testing guide\n        url: https://example.com/testing\n      - title: Test pyramid\n        url: http://example.org/pyramid\n",
              ),
            }
          : source,
      ),
    );
    expect(ladder.competencies.find((competency) => competency.id === "testing")!.links).toEqual([
      { title: "Testing guide", url: "https://example.com/testing" },
      { title: "Test pyramid", url: "http://example.org/pyramid" },
    ]);
    expect(
      ladder.competencies.find((competency) => competency.id === "code-quality")!.links,
    ).toEqual([]);
    const ic1 = ladder.tracks[0]!.levels[0]!;
    expect(ic1.expectations.collaboration![0]).toEqual({
      id: "asks-early",
      text: "Asks for help early.",
      examples: [],
      links: [{ title: "Asking for help", url: "https://example.com/asking" }],
    });
    expect(ic1.expectations.collaboration![1]).not.toHaveProperty("links");
  });

  it.each([
    [
      "javascript:alert(1)",
      /"javascript:alert\(1\)" is not a web address; links start with http:\/\/ or https:\/\//,
    ],
    ["mailto:team@example.com", /"mailto:team@example.com" is not a web address/],
    ["www.example.com/guide", /"www.example.com\/guide" is not a web address/],
    ["https://", /"https:\/\/" is not a web address/],
  ])("a link to %j is refused with a message naming the rule", (url, message) => {
    const result = loadLadderFromSources(
      testingWith(`    links:\n      - { title: Guide, url: "${url}" }\n`),
    );
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        new RegExp(`competencies\\[1\\]\\.links\\[0\\]\\.url: ${message.source}`),
      ),
    ]);
  });

  it("a link needs a title (one longer than a name is a warning), and an empty list is refused", () => {
    expect(
      errorLines(
        loadLadderFromSources(testingWith(`    links:\n      - { url: "https://example.com" }\n`)),
      ),
    ).toEqual([
      expect.stringMatching(/competencies\[1\]\.links\[0\]: missing required key "title"$/),
    ]);
    expect(
      warningLines(
        loadLadderFromSources(
          testingWith(
            `    links:\n      - { title: "${"x".repeat(121)}", url: "https://example.com" }\n`,
          ),
        ),
      ),
    ).toEqual([
      expect.stringMatching(
        /links\[0\]\.title: is 121 characters long; shorten it to at most 120 characters$/,
      ),
    ]);
    expect(errorLines(loadLadderFromSources(testingWith(`    links: []\n`)))).toEqual([
      expect.stringMatching(/links: list at least one link, or leave `links` out$/),
    ]);
  });

  it("stored versions from before references read with no links", () => {
    const ladder = loadValid(withStatement("            - Asks for help early.\n"));
    const stored = JSON.parse(JSON.stringify(ladder)) as {
      competencies: Array<Record<string, unknown>>;
    };
    for (const competency of stored.competencies) delete competency.links;
    expect(
      readStoredLadder(stored).competencies.every(
        (competency) => Array.isArray(competency.links) && competency.links.length === 0,
      ),
    ).toBe(true);
  });
});

describe("statement ids from real sources", () => {
  it.each(["0b3c5d2e-8f1a-4c6b-9d7e-1a2b3c4d5e6f", "FT.ops_1", "1-1", "a", "Ops-Delivery.2"])(
    "accepts %s as it is",
    (id) => {
      const ladder = loadValid(
        withStatement(
          `            - id: ${JSON.stringify(id)}\n              text: Asks for help early.\n`,
        ),
      );
      expect(ladder.tracks[0]!.levels[0]!.expectations.collaboration![0]!.id).toBe(id);
    },
  );

  it.each([
    [
      "-starts-with-a-dash",
      /"-starts-with-a-dash" is not a valid statement id; use letters, digits, dashes, dots and underscores, starting with a letter or digit/,
    ],
    [".hidden", /"\.hidden" is not a valid statement id/],
    ["has space", /"has space" is not a valid statement id/],
    ["x".repeat(101), /statement id is 101 characters long; at most 100 are allowed/],
  ])("refuses %j", (id, message) => {
    const result = loadLadderFromSources(
      withStatement(
        `            - id: ${JSON.stringify(id)}\n              text: Asks for help early.\n`,
      ),
    );
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        new RegExp(`expectations\\.collaboration\\[0\\]\\.id: ${message.source}`),
      ),
    ]);
  });

  it("other ids keep the kebab-case rule", () => {
    const result = loadLadderFromSources(
      fixtureWith("competencies.yaml", "  - id: testing\n", "  - id: 0testing\n"),
    );
    expect(
      errorLines(result).some((line) => /"0testing" is not a valid id; use kebab-case/.test(line)),
    ).toBe(true);
  });
});
