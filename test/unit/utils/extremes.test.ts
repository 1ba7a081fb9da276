import { describe, expect, test } from "vitest";
import { largest, smallest } from "~/utils/extremes";

describe("the largest and smallest of a list", () => {
  test("hold for a list long enough that a spread overflows the stack", () => {
    // 0 to 2,999,999 in a scattered order.
    const values = Array.from({ length: 3_000_000 }, (_, index) => (index * 7919) % 3_000_000);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(2_999_999);
    expect(smallest(values, 5)).toBe(0);
  });

  test("answer as Math.max and Math.min do, the initial value counted and answered when empty", () => {
    expect(largest([3, 9, 4])).toBe(9);
    expect(largest([3, 9, 4], 12)).toBe(12);
    expect(largest([], 4)).toBe(4);
    expect(largest([])).toBe(-Infinity);
    expect(smallest([3, 9, 4])).toBe(3);
    expect(smallest([3, 9, 4], 1)).toBe(1);
    expect(smallest([])).toBe(Infinity);
    expect(largest([1, Number.NaN])).toBeNaN();
  });
});
