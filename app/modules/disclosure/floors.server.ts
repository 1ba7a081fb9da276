import { db } from "~/db/client.server";
import { floorsFrom, SMALL_GROUP_FLOOR, type PersonFloors } from "./floor";

/**
 * Each person's floor: the organisation's, or higher where a calibration session they were in
 * raised it for its people. Every report over them keeps the higher one (decision 060). Read
 * once per report: the few people in such sessions, with the highest floor each was given.
 */
export async function personFloors(): Promise<PersonFloors> {
  const raised = await db.calibrationEntry.findMany({
    where: { session: { groupFloor: { gt: SMALL_GROUP_FLOOR } } },
    select: { personId: true, sessionId: true },
  });
  // Asked apart, and only for entries: a nested select would read sessions for none (`IN (NULL)`)
  // on every report of an organisation that raised no floor.
  const sessions = raised.length
    ? await db.calibrationSession.findMany({
        where: { id: { in: [...new Set(raised.map((entry) => entry.sessionId))] } },
        select: { id: true, groupFloor: true },
      })
    : [];
  const floorOf = new Map(sessions.map((session) => [session.id, session.groupFloor]));
  const floors = new Map<string, number>();
  for (const entry of raised)
    floors.set(
      entry.personId,
      Math.max(
        floors.get(entry.personId) ?? SMALL_GROUP_FLOOR,
        floorOf.get(entry.sessionId) ?? SMALL_GROUP_FLOOR,
      ),
    );
  return floorsFrom(floors);
}
