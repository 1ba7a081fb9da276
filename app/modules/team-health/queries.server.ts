import { z } from "zod";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate } from "~/db/rows";

/**
 * Team health's reads that Prisma's nested selects would split into a statement per relation, and
 * send even for no rows (`IN (NULL)`): most readers of the team health page have no invitation and
 * no live room, and each is one joined statement here.
 */

const invitationRow = z.object({
  personId: z.string(),
  answered: sqlBool,
  checkInId: z.string(),
  closesAt: sqlDate,
  closedAt: sqlDate.nullable(),
  createdAt: sqlDate,
  team: z.string(),
});

/** The check-ins a person is asked in, with their team's name, oldest first. */
export async function invitationsOf(personId: string) {
  return parseRows(
    invitationRow,
    await readRows`
      SELECT i."personId", i.answered, c.id AS "checkInId", c."closesAt", c."closedAt",
        c."createdAt", t.name AS team
      FROM "TeamHealthInvitation" i JOIN "TeamHealthTeam" ct ON ct.id = i."checkInTeamId"
        JOIN "TeamHealthCheckIn" c ON c.id = ct."checkInId" JOIN "Team" t ON t.id = ct."teamId"
      WHERE i."personId" = ${personId}
      ORDER BY c."createdAt", c.id`,
  );
}

const liveRoomRow = z.object({
  id: z.string(),
  teamId: z.string(),
  team: z.string(),
  liveCode: z.string(),
  createdAt: sqlDate,
  closesAt: sqlDate,
  closedAt: sqlDate.nullable(),
});

/** The newest teams of live check-ins (a retro's room), at most `limit`, newest first. */
export async function liveRoomRows(limit: number) {
  return parseRows(
    liveRoomRow,
    await readRows`
      SELECT ct.id, ct."teamId", t.name AS team, c."liveCode", c."createdAt", c."closesAt", c."closedAt"
      FROM "TeamHealthTeam" ct JOIN "TeamHealthCheckIn" c ON c.id = ct."checkInId"
        JOIN "Team" t ON t.id = ct."teamId"
      WHERE c."liveCode" IS NOT NULL
      ORDER BY c."createdAt" DESC, ct.id
      LIMIT ${limit}`,
  );
}
