import { describe, expect, it } from "vitest";
import { belowFloor, SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";

describe("small groups", () => {
  it("fewer than four people (nobody included) are below the default floor", () => {
    expect(SMALL_GROUP_FLOOR).toBe(4);
    expect([0, 1, 3, 4].map((n) => belowFloor(n))).toEqual([true, true, true, false]);
    expect(belowFloor(5, 6)).toBe(true);
  });
});
