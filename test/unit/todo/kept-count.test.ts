import { describe, expect, test } from "vitest";
import { KEPT_COUNT_STANDS_MS, keptCountHolds, keptCountStands } from "~/modules/todo/kept-count";

const now = new Date("2026-03-20T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("the navigation's kept to-do count", () => {
  test("stands for two minutes after it was counted, and not when there is none or it claims to be from later", () => {
    expect(keptCountStands({ open: 2, countedAt: ago(0) }, now)).toBe(true);
    expect(keptCountStands({ open: 2, countedAt: ago(KEPT_COUNT_STANDS_MS - 1) }, now)).toBe(true);
    expect(keptCountStands({ open: 2, countedAt: ago(KEPT_COUNT_STANDS_MS) }, now)).toBe(false);
    expect(keptCountStands({ open: 2, countedAt: ago(-1000) }, now)).toBe(false);
    expect(keptCountStands(null, now)).toBe(false);
  });

  test("a list just worked out leaves it alone only when it stands and says the same", () => {
    expect(keptCountHolds({ open: 2, countedAt: ago(1000) }, 2, now)).toBe(true);
    expect(keptCountHolds({ open: 2, countedAt: ago(1000) }, 3, now)).toBe(false);
    expect(keptCountHolds({ open: 2, countedAt: ago(KEPT_COUNT_STANDS_MS) }, 2, now)).toBe(false);
    expect(keptCountHolds(null, 0, now)).toBe(false);
  });
});
