import { calibrationPlaces } from "~/modules/calibration/queries.server";
import { releasedToSubject, type SubjectReleaseFacts } from "./policy";

type CycleFacts = { id: string; closedAt: Date | null };

/** Each person's release facts in each cycle (policy's SubjectReleaseFacts), from calibration's places and the cycles read. */
export function subjectReleaseFactsFrom(
  places: Awaited<ReturnType<typeof calibrationPlaces>>,
  cycles: readonly CycleFacts[],
): (cycleId: string, personId: string) => SubjectReleaseFacts {
  const closed = new Map(cycles.map((cycle) => [cycle.id, cycle.closedAt !== null]));
  return (cycleId, personId) => {
    const key = `${cycleId}/${personId}`;
    return {
      calibrated: places.calibrated.has(key),
      outcomeReleased: places.released.has(key),
      cycleClosed: closed.get(cycleId) ?? false,
    };
  };
}

/** Where these people stand for the release of their own feedback in these cycles. */
export async function subjectReleaseFacts(
  personIds: readonly string[],
  cycles: readonly CycleFacts[],
): Promise<(cycleId: string, personId: string) => SubjectReleaseFacts> {
  const places = await calibrationPlaces(
    personIds,
    cycles.map((cycle) => cycle.id),
  );
  return subjectReleaseFactsFrom(places, cycles);
}

/** Whether the person's own feedback in the cycle is released to them (policy's releasedToSubject). */
export async function feedbackReleasedTo(personId: string, cycle: CycleFacts): Promise<boolean> {
  return releasedToSubject((await subjectReleaseFacts([personId], [cycle]))(cycle.id, personId));
}
