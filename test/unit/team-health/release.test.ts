import { describe, expect, it } from "vitest";
import {
  batchOf,
  completesBatch,
  itemRelease,
  releasedBatchCount,
  tooAlike,
  type StoredAnswer,
} from "~/modules/team-health/release";

describe("batches", () => {
  it("puts the k-th answer in batch ⌊k / floor⌋ and releases only whole batches, even at the close", () => {
    expect([0, 1, 2, 3, 4, 7, 8].map((k) => batchOf(k, 4))).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(releasedBatchCount(3, 4)).toBe(0);
    expect(releasedBatchCount(7, 4)).toBe(1);
    expect(releasedBatchCount(8, 4)).toBe(2);
    expect(completesBatch(3, 4)).toBe(true);
    expect(completesBatch(4, 4)).toBe(false);
  });
});

describe("answers too alike to show", () => {
  it("are all in one option, or all but one", () => {
    expect(tooAlike([7, 7, 7, 7])).toBe(true);
    expect(tooAlike([7, 7, 7, 3])).toBe(true);
    expect(tooAlike([7, 7, 3, 3])).toBe(false);
    expect(tooAlike([7, 5, 3, 3])).toBe(false);
    expect(tooAlike([])).toBe(true);
    expect(tooAlike([4])).toBe(true);
  });
});

describe("an item's release", () => {
  const answers = (...values: (number | null)[]): StoredAnswer[] =>
    values.map((value, index) => ({
      batch: Math.floor(index / 4),
      values: (value === null ? {} : { i: value }) as Record<string, number>,
    }));

  it("shows nothing before a whole batch", () => {
    expect(itemRelease(answers(1, 5, 7), 0, "i")).toEqual({
      batches: 0,
      values: [],
      withheld: false,
    });
  });

  it("stays at the last passing reading once a batch alone is too alike", () => {
    const release = itemRelease(answers(1, 2, 3, 4, 6, 6, 6, 6), 2, "i");
    expect(release.batches).toBe(1);
    expect(release.values).toEqual([1, 2, 3, 4]);
    expect(release.withheld).toBe(true);
  });

  it("does not move on after a batch too alike, even when the next would pass", () => {
    const release = itemRelease(answers(1, 2, 3, 4, 6, 6, 6, 6, 1, 2, 5, 6), 3, "i");
    expect(release.batches).toBe(1);
    expect(release.values).toEqual([1, 2, 3, 4]);
  });

  it("shows every batch that passes on its own", () => {
    const release = itemRelease(answers(1, 2, 3, 4, 6, 6, 5, 5, 1, 2, 5, 6), 3, "i");
    expect(release.batches).toBe(3);
    expect(release.values).toHaveLength(12);
  });
});

/**
 * The generated attack (decision 099). The attacker is the strong one of principle 7: they read the
 * item's release after every answer and at the close, know the order people answered in (so which
 * batch holds whom), know answers are whole numbers on the scale or a skip, and know their own
 * answer. For every vector of answers of a small team we compute everything they read over time;
 * then, among the vectors that read the same and agree on the reader's own answer, every other
 * person must have at least two possible answers. Items are released each from its own column only
 * (and the scale's score only from the items' shown figures), so one item is the whole attack.
 */
type Release = typeof itemRelease<number>;

function readings(
  vector: readonly (number | null)[],
  floor: number,
  release: Release = itemRelease,
): string {
  const seen: string[] = [];
  for (let answered = 1; answered <= vector.length; answered += 1) {
    const stored = vector.slice(0, answered).map((value, index) => ({
      batch: Math.floor(index / floor),
      values: (value === null ? {} : { i: value }) as Record<string, number>,
    }));
    const shown = release(stored, releasedBatchCount(answered, floor), "i");
    seen.push(`${shown.batches}:${[...shown.values].sort().join(",")}:${shown.withheld}`);
  }
  return seen.join("|");
}

function attack(people: number, floor: number, scale: number, release?: Release): string[] {
  const options: (number | null)[] = [null, ...Array.from({ length: scale }, (_, i) => i + 1)];
  const groups = new Map<string, (number | null)[][]>();
  const vector: (number | null)[] = [];
  const visit = (index: number) => {
    if (index === people) {
      const key = readings(vector, floor, release);
      groups.set(key, [...(groups.get(key) ?? []), [...vector]]);
      return;
    }
    for (const option of options) {
      vector[index] = option;
      visit(index + 1);
    }
  };
  visit(0);
  const found: string[] = [];
  for (const [key, vectors] of groups) {
    for (let reader = 0; reader < people; reader += 1) {
      const byOwn = new Map<number | null, (number | null)[][]>();
      for (const v of vectors) byOwn.set(v[reader]!, [...(byOwn.get(v[reader]!) ?? []), v]);
      for (const [own, same] of byOwn)
        for (let target = 0; target < people; target += 1) {
          if (target === reader) continue;
          const possible = new Set(same.map((v) => v[target]));
          // A skip is not an answer; learning someone answered (not what) is not the leak.
          const answers = [...possible].filter((value) => value !== null);
          if (possible.size === 1 && answers.length === 1)
            found.push(`reader ${reader} (${own}) pins ${target} = ${answers[0]} from ${key}`);
        }
    }
  }
  return found;
}

describe("the generated disclosure attack", () => {
  it("pins nobody in a team of five, floor four, on the 1..7 scale with skips", () => {
    expect(attack(5, 4, 7)).toEqual([]);
  });

  it("pins nobody over two batches and a partial one: seven people, floor three, a 1..3 scale with skips", () => {
    // A three-point scale is the harder case: fewer values, more answers alike.
    expect(attack(7, 3, 3)).toEqual([]);
  });

  it("pins nobody over three batches of four with a binary scale", () => {
    expect(attack(8, 4, 2)).toEqual([]);
  });

  it("finds the leak in a release that shows every whole batch whatever its answers", () => {
    const unchecked: Release = (answers, released, item) => {
      const values = answers
        .filter((answer) => answer.batch < released && answer.values[item] !== undefined)
        .map((answer) => answer.values[item] as number);
      return { batches: released, values, withheld: false };
    };
    expect(attack(5, 4, 7, unchecked)).not.toEqual([]);
  });

  it("finds the leak in a release that shows an item again after a batch too alike", () => {
    // The first rule tried (decision 099): the reader whose answer was the odd one out in a
    // withheld batch pins the others once the next batch is shown.
    const unhiding: Release = (answers, released, item) => {
      const byBatch: number[][] = Array.from({ length: released }, () => []);
      for (const answer of answers)
        if (answer.batch < released && answer.values[item] !== undefined)
          byBatch[answer.batch]!.push(answer.values[item] as number);
      let shown = 0;
      for (let r = 1; r <= released; r += 1)
        if (!tooAlike(byBatch.slice(0, r).flat()) && !tooAlike(byBatch.slice(shown, r).flat()))
          shown = r;
      return { batches: shown, values: byBatch.slice(0, shown).flat(), withheld: shown < released };
    };
    expect(attack(8, 4, 2, unhiding)).not.toEqual([]);
  });
});
