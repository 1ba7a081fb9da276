import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/modules/ladders/content-hash.server";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import type { LadderSource } from "~/modules/ladders/source-text";
import { FIXTURES, fixtureWith, readSources } from "./helpers";

function hashOf(sources: LadderSource[]): string {
  const result = loadLadderFromSources(sources);
  if (!result.ok) throw new Error("fixture edit broke the ladder");
  return result.hash;
}

const original = () => hashOf(readSources(`${FIXTURES}/valid`));

describe("ladder content hash", () => {
  it("is a sha256 hex digest", () => {
    expect(original()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stays the same for the same content, since ladder versions are stored by it", () => {
    // A different value here means every stored ladder version would look new: change how the
    // hash is computed only together with a migration of the stored hashes.
    expect(original()).toBe("e8952b811c21125458ccc56c93e2795d49d43077888f1275332f82944c648c63");
  });

  it.each([
    ["comments", "ladder.yaml", "scale:\n", "# How interviewers score.\nscale:\n"],
    [
      "flow vs block style",
      "ladder.yaml",
      "  - { value: 1, label: Not yet, meaning: Rarely shows these behaviours. }\n",
      "  - value: 1\n    label: Not yet\n    meaning: Rarely shows these behaviours.\n",
    ],
    ["quoting", "competencies.yaml", "name: Code quality", 'name: "Code quality"'],
    [
      "key order",
      "competencies.yaml",
      "    name: Testing\n    area: craft\n",
      "    area: craft\n    name: Testing\n",
    ],
    [
      "shorthand vs full expectations",
      "tracks/ic.yaml",
      "            - Asks for help early.\n",
      "            - text: Asks for help early.\n",
    ],
    [
      "surrounding whitespace",
      "tracks/ic.yaml",
      "            - Asks for help early.\n",
      "            - '  Asks for help early. '\n",
    ],
    [
      "expectation map order",
      "tracks/manager.yaml",
      "          collaboration:\n            - Agrees priorities with neighbouring teams.\n          coaching:\n            - Holds regular one-to-ones with each person.\n",
      "          coaching:\n            - Holds regular one-to-ones with each person.\n          collaboration:\n            - Agrees priorities with neighbouring teams.\n",
    ],
  ])("does not change with %s", (_, file, from, to) => {
    expect(hashOf(fixtureWith(file, from, to))).toBe(original());
  });

  it("does not change when a section moves to another file", () => {
    const sources = readSources(`${FIXTURES}/valid`);
    const ladder = sources.find((source) => source.file.endsWith("/ladder.yaml"))!;
    const [before, equivalence] = (ladder.text as string).split("equivalence:\n");
    ladder.text = before!;
    sources.push({
      file: `${FIXTURES}/valid/tracks/zz-equivalence.yaml`,
      text: `equivalence:\n${equivalence}`,
    });
    expect(hashOf(sources)).toBe(original());
  });

  it.each([
    [
      "a reworded expectation",
      "tracks/ic.yaml",
      "Asks for help early.",
      "Asks for help early and often.",
    ],
    [
      "reordered expectations",
      "tracks/ic.yaml",
      "            - Asks for help early.\n            - Shares progress without being asked.\n",
      "            - Shares progress without being asked.\n            - Asks for help early.\n",
    ],
    [
      "a new example",
      "tracks/ic.yaml",
      "            - Asks for help early.\n",
      "            - text: Asks for help early.\n              examples: [Posts in the team channel when stuck.]\n",
    ],
    // The newest changelog entry names the ladder's version, so a bump changes both.
    [
      "a version bump",
      "ladder.yaml",
      'version: "2.0.0"\n  description: Small, but uses every part of the format.\n\nchangelog:\n  - version: "2.0.0"',
      'version: "2.0.1"\n  description: Small, but uses every part of the format.\n\nchangelog:\n  - version: "2.0.1"',
    ],
  ])("changes with %s", (_, file, from, to) => {
    expect(hashOf(fixtureWith(file, from, to))).not.toBe(original());
  });

  it("serialises with sorted keys and without undefined values", () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: "x" }], e: null })).toBe(
      '{"a":[{"c":"x"}],"b":1,"e":null}',
    );
  });
});
