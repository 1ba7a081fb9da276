import { describe, expect, it } from "vitest";
import { competenciesForLevel, targetFor } from "~/modules/ladders";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import type { LadderSource } from "~/modules/ladders/source-text";
import { errorLines, FIXTURES, fixtureWith, loadValid, warningLines } from "./helpers";

const V = `${FIXTURES}/valid`;
const LADDER = `${V}/ladder.yaml`;
const COMPETENCIES = `${V}/competencies.yaml`;
const IC = `${V}/tracks/ic.yaml`;
const check = (sources: LadderSource[]) => errorLines(loadLadderFromSources(sources));
/** For checks added after ladders were in use: warnings on a ladder that still loads. */
const warn = (sources: LadderSource[]) => {
  const result = loadLadderFromSources(sources);
  expect(errorLines(result)).toEqual([]);
  return warningLines(result);
};

/** Testing applies from ic2 only: its expectations at ic1 removed. */
function testingFromIc2(applies = "    applies: { from: ic2 }\n"): LadderSource[] {
  const sources = fixtureWith(
    "competencies.yaml",
    "    description: Confidence that software works.\n    tracks: [ic]\n",
    `    description: Confidence that software works.\n    tracks: [ic]\n${applies}`,
  );
  const ic = sources.find((source) => source.file === IC)!;
  ic.text = (ic.text as string).replace(
    "          testing:\n            - Adds tests with every change that alters behaviour.\n",
    "",
  );
  return sources;
}

describe("competencies that apply only from (or up to) a level", () => {
  it("levels outside the range carry no expectation and are not rated", () => {
    const ladder = loadValid(testingFromIc2());
    expect(competenciesForLevel(ladder, "ic1").map((c) => c.id)).toEqual([
      "code-quality",
      "collaboration",
    ]);
    expect(competenciesForLevel(ladder, "ic2").map((c) => c.id)).toEqual([
      "code-quality",
      "testing",
      "collaboration",
    ]);
    expect(ladder.tracks[0]!.levels[0]!.expectations).not.toHaveProperty("testing");
    expect(ladder.competencies.find((c) => c.id === "testing")!.applies).toEqual({
      ic: { from: "ic2", upTo: null },
    });
  });

  it("a single id and a list load the same", () => {
    expect(loadValid(testingFromIc2("    applies: { from: [ic2] }\n"))).toEqual(
      loadValid(testingFromIc2()),
    );
  });

  it("expectations written outside the range are an error at the level, naming the bound", () => {
    const sources = fixtureWith(
      "competencies.yaml",
      "    description: Confidence that software works.\n    tracks: [ic]\n",
      "    description: Confidence that software works.\n    tracks: [ic]\n    applies: { from: ic2 }\n",
    );
    expect(check(sources)).toEqual([
      `${IC}:15:11 tracks[0].levels[0].expectations: competency "testing" applies from level "ic2" in track "ic", so level "ic1" carries no expectations for it; remove them or change the competency's \`applies\``,
    ]);
  });

  it("inside the range a missing expectation is still an error", () => {
    const sources = testingFromIc2("    applies: { upTo: ic2 }\n");
    expect(check(sources)).toEqual([
      `${IC}:10:11 tracks[0].levels[0].expectations: missing expectations for competency "testing", which track "ic" uses`,
      `${IC}:36:11 tracks[0].levels[2].expectations: competency "testing" applies up to level "ic2" in track "ic", so level "ic3" carries no expectations for it; remove them or change the competency's \`applies\``,
    ]);
  });

  it("an unknown level is reported once, where it is written, with a suggestion: not again as missing expectations at the levels before it", () => {
    expect(check(testingFromIc2("    applies: { from: ic22 }\n"))).toEqual([
      `${COMPETENCIES}:28:22 competencies[1].applies.from: unknown level "ic22" (did you mean "ic2"?); until it names a level, the competency's expectations are not checked against \`applies\``,
    ]);
    expect(check(testingFromIc2("    applies: { from: senior-9 }\n"))).toEqual([
      `${COMPETENCIES}:28:22 competencies[1].applies.from: unknown level "senior-9"; until it names a level, the competency's expectations are not checked against \`applies\``,
    ]);
  });

  it("a level of a track that does not use the competency is reported once too", () => {
    expect(check(testingFromIc2("    applies: { from: m1 }\n"))).toEqual([
      `${COMPETENCIES}:28:22 competencies[1].applies.from: level "m1" is in track "manager", which does not use this competency (its tracks: ic); until it is fixed, the levels' expectations for it are not checked`,
    ]);
  });

  it("a level of a track that does not use the competency, two levels of one track, and an empty range", () => {
    expect(check(testingFromIc2("    applies: { from: [ic2, m1] }\n"))).toEqual([
      `${COMPETENCIES}:28:28 competencies[1].applies.from[1]: level "m1" is in track "manager", which does not use this competency (its tracks: ic); until it is fixed, the levels' expectations for it are not checked`,
    ]);
    expect(check(testingFromIc2("    applies: { from: [ic2, ic3] }\n"))).toEqual([
      `${COMPETENCIES}:28:28 competencies[1].applies.from[1]: two \`from\` levels for track "ic" ("ic2" and "ic3"); name one level per track`,
    ]);
    expect(check(testingFromIc2("    applies: { from: ic3, upTo: ic2 }\n"))).toContainEqual(
      `${COMPETENCIES}:28:14 competencies[1].applies: in track "ic" the competency applies from "ic3" up to "ic2", which comes before it; no level would be left`,
    );
  });

  it("an interview question for a level where the competency does not apply is a warning (the question is never asked)", () => {
    const sources = fixtureWith(
      "competencies.yaml",
      "    tracks: [ic]\n    interview:\n",
      "    tracks: [ic]\n    applies: { from: ic2 }\n    interview:\n",
    );
    const ic = sources.find((source) => source.file === IC)!;
    ic.text = (ic.text as string).replace(
      "          code-quality:\n            - Writes small, readable changes that follow the team's conventions.\n            - text: Acts on review feedback promptly.\n              examples:\n                - Extracts a shared helper after a review comment.\n",
      "",
    );
    expect(warn(sources)).toEqual([
      `${COMPETENCIES}:11:20 competencies[0].interview.questions[0].levels[0]: the competency does not apply at level "ic1" (track "ic"), so this question would never be asked there; remove "ic1" from the question's levels`,
    ]);
  });

  it("`applies` needs a bound", () => {
    expect(check(testingFromIc2("    applies: {}\n"))).toEqual([
      `${COMPETENCIES}:28:14 competencies[1].applies: give \`from\`, \`upTo\` or both, or leave \`applies\` out`,
    ]);
  });
});

describe("targets", () => {
  it("without any target, every level expects the middle of the scale (no point here says it is the bar)", () => {
    const ladder = loadValid(fixtureWith("ladder.yaml", "ladder:\n", "ladder:\n"));
    expect(ladder.tracks.flatMap((track) => track.levels.map((level) => level.target))).toEqual(
      ladder.tracks.flatMap((track) => track.levels.map(() => 3)),
    );
  });

  it("the scale's default, the level's target and a per-competency target, the most specific winning", () => {
    const sources = fixtureWith(
      "ladder.yaml",
      "meaning: Shows them with support. }",
      "meaning: Shows them with support., target: true }",
    );
    const ic = sources.find((source) => source.file === IC)!;
    ic.text = (ic.text as string).replace(
      "        summary: Owns features end to end.\n",
      "        summary: Owns features end to end.\n        target: 3\n        targets: { testing: 4 }\n",
    );
    const ladder = loadValid(sources);
    expect(targetFor(ladder, "ic1", "testing")).toBe(2);
    expect(targetFor(ladder, "ic2", "code-quality")).toBe(3);
    expect(targetFor(ladder, "ic2", "testing")).toBe(4);
  });

  it("a target off the scale, two default points, and a target for a competency that does not apply", () => {
    let sources = fixtureWith(
      "ladder.yaml",
      "meaning: Shows them with support. }",
      "meaning: Shows them with support., target: true }",
    );
    sources = sources.map((source) =>
      source.file === LADDER
        ? {
            ...source,
            text: (source.text as string).replace(
              "meaning: Shows them reliably. }",
              "meaning: Shows them reliably., target: true }",
            ),
          }
        : source,
    );
    const ic = sources.find((source) => source.file === IC)!;
    ic.text = (ic.text as string).replace(
      "        summary: Owns features end to end.\n",
      "        summary: Owns features end to end.\n        target: 7\n        targets: { coaching: 3, testng: 2, testing: 9 }\n",
    );
    const errors = check(sources);
    expect(errors).toContainEqual(
      expect.stringMatching(
        /scale\[2\]\.target: only one scale point may be the default target \(scale\[1\] already is\)$/,
      ),
    );
    expect(errors).toContainEqual(
      `${IC}:23:17 tracks[0].levels[1].target: target 7 is not a scale value (the scale has 1, 2, 3, 4)`,
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /24:20 tracks\[0\]\.levels\[1\]\.targets: competency "coaching" does not apply at level "ic2"; a level sets targets only for competencies that apply at it$/,
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /24:33 tracks\[0\]\.levels\[1\]\.targets: unknown competency "testng" \(did you mean "testing"\?\); a level sets targets only/,
      ),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /levels\[1\]\.targets\.testing: target 9 is not a scale value \(the scale has 1, 2, 3, 4\)$/,
      ),
    );
    expect(errors).toHaveLength(5);
  });
});

describe("more checks", () => {
  it("the changelog's newest entry should be for the ladder's version (a warning)", () => {
    expect(
      warn(
        fixtureWith(
          "ladder.yaml",
          '  version: "2.0.0"\n  description',
          '  version: "2.1.0"\n  description',
        ),
      ),
    ).toEqual([
      `${LADDER}:9:14 changelog[0].version: the newest changelog entry is for version "2.0.0" but the ladder is version "2.1.0"; add an entry for "2.1.0" at the top, or correct the ladder's version`,
    ]);
  });

  it("the same expectation twice in one list, spacing and case aside, is a warning", () => {
    expect(
      warn(
        fixtureWith(
          "tracks/ic.yaml",
          "            - Asks for help early.\n",
          "            - Asks for help early.\n            - asks for  help early.\n",
        ),
      ),
    ).toEqual([
      `${IC}:19:15 tracks[0].levels[0].expectations.collaboration[1]: the same text appears twice for "collaboration" (also at collaboration[0]); remove one, or reword one if they are different statements`,
    ]);
  });

  it("the same text under two distinct statement ids is a warning that names both ids", () => {
    const sources = fixtureWith(
      "tracks/ic.yaml",
      "            - Asks for help early.\n",
      "            - { id: 0b3c5d2e-8f1a-4c6b-9d7e-1a2b3c4d5e6f, text: Asks for help early. }\n            - { id: 7c1d2e3f-0a1b-4c2d-8e3f-9a0b1c2d3e4f, text: Asks for help early. }\n",
    );
    expect(warn(sources)).toEqual([
      `${IC}:19:15 tracks[0].levels[0].expectations.collaboration[1]: the same text appears twice for "collaboration" (also at collaboration[0]), under statement ids "0b3c5d2e-8f1a-4c6b-9d7e-1a2b3c4d5e6f" and "7c1d2e3f-0a1b-4c2d-8e3f-9a0b1c2d3e4f"; if they are one statement remove one, if two reword one so people can tell them apart`,
    ]);
  });
});

describe("text length limits", () => {
  it("an expectation over the limit is a warning where it is written, with its length (the limits came after ladders were in use)", () => {
    const long = "Writes code. ".repeat(80).trim();
    expect(
      warn(
        fixtureWith(
          "tracks/ic.yaml",
          "            - Asks for help early.\n",
          `            - ${long}\n`,
        ),
      ),
    ).toEqual([
      `${IC}:18:15 tracks[0].levels[0].expectations.collaboration[0]: is ${long.length} characters long; shorten it to at most 1000 characters`,
    ]);
  });

  it("each kind of field has its own limit, in either form of a field", () => {
    const title = "T".repeat(121);
    const sources = fixtureWith(
      "tracks/ic.yaml",
      "        title: Engineer I\n",
      `        title: ${title}\n        alsoTitled: [Short, ${title}]\n`,
    );
    const competencies = sources.find((source) => source.file === COMPETENCIES)!;
    competencies.text = (competencies.text as string).replace(
      "    description: Confidence that software works.\n",
      `    description: ${"D".repeat(3001)}\n`,
    );
    expect(warn(sources)).toEqual([
      expect.stringMatching(
        /competencies\[1\]\.description: is 3001 characters long; shorten it to at most 3000 characters$/,
      ),
      expect.stringMatching(
        /tracks\[0\]\.levels\[0\]\.title: is 121 characters long; shorten it to at most 120 characters$/,
      ),
      expect.stringMatching(
        /tracks\[0\]\.levels\[0\]\.alsoTitled\[1\]: is 121 characters long; shorten it to at most 120 characters$/,
      ),
    ]);
  });
});
