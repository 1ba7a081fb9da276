import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatLadderError } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

const EXAMPLE = "docs/examples/small-ladder";

describe("the structures example (shared topics, sub-levels, points)", () => {
  it("validates, with docs/examples as its frameworks folder", () => {
    const result = loadLadderFromDirectory("docs/examples/structures-ladder");
    expect(result.ok ? [] : result.errors.map(formatLadderError)).toEqual([]);
  });
});

describe("the example ladder in docs/ladders.md", () => {
  it("validates", () => {
    const result = loadLadderFromDirectory(EXAMPLE);
    expect(result.ok ? [] : result.errors.map(formatLadderError)).toEqual([]);
  });

  it("is shown in the docs exactly as it is on disk", () => {
    const docs = readFileSync("docs/ladders.md", "utf8");
    // Each example file appears as a **`path`** heading followed by a yaml block.
    const shown = [
      ...docs.matchAll(
        /\*\*`(docs\/examples\/small-ladder\/[^`]+)`\*\*\n\n```yaml\n([\s\S]*?)```/g,
      ),
    ];
    expect(shown.map(([, path]) => path)).toEqual([
      `${EXAMPLE}/ladder.yaml`,
      `${EXAMPLE}/competencies.yaml`,
      `${EXAMPLE}/tracks/engineer.yaml`,
      `${EXAMPLE}/tracks/manager.yaml`,
    ]);
    for (const [, path, text] of shown) expect(text, path).toBe(readFileSync(path!, "utf8"));
  });
});
