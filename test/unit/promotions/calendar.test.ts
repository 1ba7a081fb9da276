import { expect, test } from "vitest";
import { workingDayFrom } from "~/modules/promotions/calendar";

test("a day on a weekend moves on to the Monday after; a working day stays", () => {
  const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
  // 4 to 7 December 2026: Friday, Saturday, Sunday, Monday.
  expect(workingDayFrom(day("2026-12-04"))).toEqual(day("2026-12-04"));
  expect(workingDayFrom(day("2026-12-05"))).toEqual(day("2026-12-07"));
  expect(workingDayFrom(day("2026-12-06"))).toEqual(day("2026-12-07"));
  expect(workingDayFrom(day("2026-12-07"))).toEqual(day("2026-12-07"));
});
