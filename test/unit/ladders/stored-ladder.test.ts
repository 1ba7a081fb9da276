import { describe, expect, test } from "vitest";
import { readStoredLadder, type Ladder } from "~/modules/ladders";
import { fixtureLadder } from "./helpers";

/** A ladder as versions stored before competencies could start at a level and before targets held it. */
function storedBeforeTargets(ladder: Ladder): unknown {
  const old = structuredClone(ladder) as unknown as {
    competencies: Record<string, unknown>[];
    tracks: (Record<string, unknown> & { levels: Record<string, unknown>[] })[];
  };
  for (const competency of old.competencies) delete competency.applies;
  for (const track of old.tracks) {
    delete track.branchesFrom;
    for (const level of track.levels) {
      delete level.alsoTitled;
      delete level.competencyIds;
      delete level.target;
      delete level.targets;
    }
  }
  return JSON.parse(JSON.stringify(old));
}

describe("stored ladder versions", () => {
  test("a version stored before this format reads as today's model: every competency of its track at each level, the default target, no branches, one title per level", () => {
    const ladder = fixtureLadder();
    expect(readStoredLadder(storedBeforeTargets(ladder))).toEqual(ladder);
  });

  test("a version stored in today's format reads unchanged", () => {
    const ladder = fixtureLadder();
    expect(readStoredLadder(JSON.parse(JSON.stringify(ladder)))).toEqual(ladder);
  });
});
