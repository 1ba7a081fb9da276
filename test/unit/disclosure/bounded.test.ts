import { describe, expect, test } from "vitest";
import { pinsAnyone, type ReadFigure, type Witnesses } from "~/modules/disclosure/bounded.server";

// The bounded reader's check on figures small enough to see by eye (decision 122). Two stages:
// everyone is eligible, and each unit is nominated (1) or not (0) at each moment.
const figure = (
  members: Record<string, number>,
  count: number,
  at = 1,
  high = count,
): ReadFigure => ({
  members: Object.entries(members).map(([unit, reached]) => ({ unit, reached })),
  stage: 1,
  at,
  low: count,
  high,
});
const none = new Map<string, number>();

describe("whether what a reader read pins anyone", () => {
  test("one of two nominated pins neither; none of two, or one of one, pins", async () => {
    expect(await pinsAnyone(2, [figure({ a: 1, b: 0 }, 1)], none)).toBe(false);
    expect(await pinsAnyone(2, [figure({ a: 0, b: 0 }, 0)], none)).toBe(true);
    expect(await pinsAnyone(2, [figure({ a: 1, b: 0 }, 1), figure({ a: 1 }, 1)], none)).toBe(true);
  });

  test("a swap that would break another figure frees nothing", async () => {
    // a and b trade places in the first figure, and c beside a in the second takes a's one: free.
    const trade = [figure({ a: 1, b: 0 }, 1), figure({ a: 1, c: 0 }, 1)];
    expect(await pinsAnyone(2, trade, none)).toBe(false);
    // The difference of two figures pins c at nought; a and c do not stand in the same figures.
    const difference = [figure({ a: 1, b: 0 }, 1), figure({ a: 1, b: 0, c: 0 }, 1)];
    expect(await pinsAnyone(2, difference, none)).toBe(true);
  });

  test("a unit is nought the moment it joined, so the one beside it is pinned", async () => {
    const read = [figure({ a: 0, b: 1 }, 1)];
    expect(await pinsAnyone(2, read, none)).toBe(false);
    expect(await pinsAnyone(2, read, new Map([["a", 1]]))).toBe(true);
  });

  test("an assignment kept from an earlier check is used only if it fits what is read now", async () => {
    // Kept from a check of the first figure alone: a and b traded. It does not fit the second.
    const witnesses: Witnesses = [
      new Map([
        ["a|1|1", 0],
        ["b|1|1", 1],
      ]),
    ];
    const read = [figure({ a: 1, b: 0 }, 1), figure({ a: 1 }, 1)];
    expect(await pinsAnyone(2, read, none, witnesses)).toBe(true);
  });
});
