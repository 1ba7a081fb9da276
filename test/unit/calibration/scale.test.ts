import { describe, expect, test } from "vitest";
import type { Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { nineBox, performanceBand, sessionScale } from "~/modules/calibration/scale";
import { proposalGap } from "~/modules/calibration/proposal-gap";

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}
const ladder = shippedLadder();
const points = (n: number) =>
  Array.from({ length: n }, (_, index) => ({
    value: index + 1,
    label: `P${index + 1}`,
    meaning: "",
  }));

describe("a session's scale", () => {
  test("the ladder's own scale by default, a calibration scale by id, and the ladder's when that id is gone", () => {
    expect(sessionScale(ladder, null)).toMatchObject({
      id: null,
      missing: false,
      points: ladder.scale,
    });
    const performance = sessionScale(ladder, "performance");
    expect(performance).toMatchObject({
      id: "performance",
      name: "Performance rating",
      missing: false,
    });
    expect(performance.points.map((point) => point.value)).toEqual([1, 2, 3, 4, 5]);
    expect(sessionScale(ladder, "removed")).toMatchObject({
      id: null,
      missing: true,
      points: ladder.scale,
    });
  });

  test("performance bands split the scale in thirds by position, rounded", () => {
    const bands = (n: number) => points(n).map((point) => performanceBand(point.value, points(n)));
    expect(bands(3)).toEqual([1, 2, 3]);
    expect(bands(4)).toEqual([1, 2, 2, 3]);
    expect(bands(5)).toEqual([1, 2, 2, 3, 3]);
    expect(bands(6)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(bands(2)).toEqual([1, 3]);
    expect(performanceBand(9, points(4))).toBeNull();
  });

  test("the 9-box counts each person into one box; half-given pairs are counted as not placed", () => {
    const box = nineBox(
      [
        { rating: 4, second: 3 },
        { rating: 4, second: 3 },
        { rating: 1, second: 1 },
        { rating: 3, second: 2 },
        { rating: 3, second: null },
        { rating: null, second: null },
      ],
      points(4),
    );
    expect(box.cells).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 2],
    ]);
    expect(box).toMatchObject({ placed: 4, unplaced: 1 });
  });
});

describe("the gap to a proposed level", () => {
  const ic3 = ladder.tracks.flatMap((track) => track.levels).find((level) => level.id === "ic3")!;
  const all = (rating: number) => new Map(ic3.competencyIds.map((id) => [id, rating] as const));

  test("against the proposed level's targets, the manager review deciding and the self-assessment standing in", () => {
    const [first, second] = ic3.competencyIds;
    const manager = all(3);
    manager.set(first!, 2);
    manager.delete(second!);
    const gap = proposalGap(ladder, "ic2", "ic3", {
      self: new Map([
        [first!, 4],
        [second!, 4],
      ]),
      manager,
    });
    expect(gap).toMatchObject({ levelId: "ic3", proposed: true });
    expect(gap!.rows.map((row) => row.competencyId)).toEqual(ic3.competencyIds);
    expect(gap!.rows[0]).toMatchObject({
      self: 4,
      manager: 2,
      target: ic3.targets[first!],
      status: "below",
    });
    expect(gap!.rows[1]).toMatchObject({ self: 4, manager: null, status: "meets" });
    expect(gap!.counts).toEqual({ meets: ic3.competencyIds.length - 1, below: 1, notRated: 0 });
  });

  test("without a proposed promotion, the next level; nothing to compare at the top or without a level", () => {
    expect(proposalGap(ladder, "ic2", null, { self: new Map(), manager: new Map() })).toMatchObject(
      { levelId: "ic3", proposed: false, counts: { notRated: ic3.competencyIds.length } },
    );
    expect(proposalGap(ladder, "ic6", null, { self: new Map(), manager: new Map() })).toBeNull();
    expect(proposalGap(ladder, null, null, { self: new Map(), manager: new Map() })).toBeNull();
  });
});
