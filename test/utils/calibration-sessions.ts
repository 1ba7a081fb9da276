import { db } from "~/db/client.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";

/**
 * A review cycle and a calibration session over it, on the engineering ladder's version of ic2
 * with a group floor of 4, as its facilitator left it in `state`. Named "Cycle" and "Session",
 * `tag` after each when given (tests sharing a database tell theirs apart by it).
 */
export async function cycleAndSession(
  facilitatorId: string,
  state: string,
  {
    tag,
    startsOn = "2026-01-01",
    endsOn = "2026-03-01",
  }: { tag?: string; startsOn?: string; endsOn?: string } = {},
) {
  const named = (name: string) => (tag ? `${name} ${tag}` : name);
  const cycle = await db.reviewCycle.create({
    data: { name: named("Cycle"), startsOn: new Date(startsOn), endsOn: new Date(endsOn) },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: named("Session"),
      cycleId: cycle.id,
      facilitatorId,
      state,
      ladderId: "engineering",
      ladderVersionId: (await ladderForLevel("ic2"))!.versionId,
      groupFloor: 4,
    },
  });
  return { cycle, session };
}

/** A calibration entry for someone at ic2, proposed to stay at 3, finally rated `finalRating` with `finalOutcome`. */
export const ic2Entry = (
  sessionId: string,
  personId: string,
  finalRating: number,
  finalOutcome: string,
) => ({
  sessionId,
  personId,
  trackId: "ic",
  levelId: "ic2",
  proposedRating: 3,
  proposedOutcome: "stay",
  finalRating,
  finalOutcome,
});
