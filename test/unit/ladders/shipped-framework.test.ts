import { describe, expect, it } from "vitest";
import { competenciesForTrack, formatLadderError } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

/** The ladder Rungs ships, checked against the shape docs/ladders.md and the product promise. */
describe("frameworks/engineering", () => {
  const result = loadLadderFromDirectory("frameworks/engineering");

  it("validates", () => {
    // Listing the errors makes a failure readable in CI without running ladders:check.
    expect(result.ok ? [] : result.errors.map(formatLadderError)).toEqual([]);
  });

  it.runIf(result.ok)("has the agreed tracks, levels, competencies and equivalence", () => {
    if (!result.ok) return;
    const { ladder } = result;
    expect(ladder.meta).toMatchObject({ id: "engineering", name: "Engineering", version: "1.2.0" });
    expect(ladder.scale.map((point) => [point.value, point.label])).toEqual([
      [1, "Not yet"],
      [2, "Developing"],
      [3, "Consistent"],
      [4, "Beyond"],
    ]);
    expect(ladder.areas.map((area) => area.id)).toEqual([
      "craft",
      "delivery",
      "impact",
      "collaboration",
      "people",
      "direction",
    ]);
    expect(ladder.competencies).toHaveLength(23);
    expect(ladder.tracks.map((track) => [track.id, track.levels.map((level) => level.id)])).toEqual(
      [
        ["ic", ["ic1", "ic2", "ic3", "ic4", "ic5", "ic6"]],
        ["tech-lead", ["tl1", "tl2", "tl3"]],
        ["manager", ["m1", "m2", "m3", "m4"]],
      ],
    );
    expect(competenciesForTrack(ladder, "ic")).toHaveLength(17);
    expect(competenciesForTrack(ladder, "tech-lead")).toHaveLength(19);
    expect(competenciesForTrack(ladder, "manager")).toHaveLength(16);
    expect(ladder.equivalence.map((band) => band.levelIdByTrack)).toEqual([
      { ic: "ic3", manager: "m1", "tech-lead": "tl1" },
      { ic: "ic4", manager: "m2", "tech-lead": "tl2" },
      { ic: "ic5", manager: "m3", "tech-lead": "tl3" },
      { ic: "ic6", manager: "m4" },
    ]);
    for (const competency of ladder.competencies) {
      expect(
        competency.interview?.anchors.map((anchor) => anchor.value),
        competency.id,
      ).toEqual([1, 2, 3, 4]);
    }
  });
});
