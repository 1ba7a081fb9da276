import { describe, expect, test } from "vitest";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { emptyLadderState, nextLadderState } from "~/modules/ladders/ladder-state";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const exampleDir = "docs/examples/small-ladder";
function exampleSources() {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : e.name.endsWith(".yaml")
          ? [join(dir, e.name)]
          : [],
    );
  return walk(exampleDir).map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

describe("serving ladders across reloads", () => {
  const good = loadLadderFromSources(exampleSources());
  const bad = loadLadderFromSources([{ file: "broken.yaml", text: "ladder: [" }]);

  test("a good load is served", () => {
    expect(good.ok).toBe(true);
    const state = nextLadderState(emptyLadderState, [{ folder: "frameworks/small", result: good }]);
    expect(state.served).toHaveLength(1);
    expect(state.problems).toEqual([]);
  });

  test("a bad edit keeps the last good version and reports the errors", () => {
    const first = nextLadderState(emptyLadderState, [{ folder: "frameworks/small", result: good }]);
    const second = nextLadderState(first, [{ folder: "frameworks/small", result: bad }]);
    expect(second.served).toEqual(first.served);
    expect(second.problems).toHaveLength(1);
    expect(second.problems[0]).toMatchObject({ folder: "frameworks/small", keptPrevious: true });
    expect(second.problems[0]!.errors.length).toBeGreaterThan(0);
  });

  test("a ladder that never loaded is not served, and fixing it serves it", () => {
    const broken = nextLadderState(emptyLadderState, [{ folder: "frameworks/small", result: bad }]);
    expect(broken.served).toEqual([]);
    expect(broken.problems[0]!.keptPrevious).toBe(false);
    const fixed = nextLadderState(broken, [{ folder: "frameworks/small", result: good }]);
    expect(fixed.served).toHaveLength(1);
    expect(fixed.problems).toEqual([]);
  });
});
