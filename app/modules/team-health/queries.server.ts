import { z } from "zod";
import { Prisma } from "~/db/client.server";
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

const readableRow = z.object({
  id: z.string(),
  teamId: z.string(),
  team: z.string(),
  releasedAt: sqlDate.nullable(),
  checkInId: z.string(),
  createdAt: sqlDate,
  closesAt: sqlDate,
  closedAt: sqlDate.nullable(),
  startedById: z.string().nullable(),
  asked: sqlBool,
  managesMember: sqlBool,
});

/**
 * The check-in teams the team health page may list for a reader, newest first, at most `limit`,
 * each with the facts the policy decides on: whether the reader was asked, and whether someone
 * below them (`below`, a range of the reporting line's index, or null when nobody is) is a member
 * now or was asked. Every team for an admin; else those the reader was asked in, their own team's,
 * and those with someone below them. One statement: nested selects took five.
 */
export async function readableTeamRows(
  viewerId: string,
  filter: {
    all: boolean;
    teamId: string | null;
    below: { from: string; to: string } | null;
    limit: number;
  },
) {
  const asked = Prisma.sql`EXISTS (SELECT 1 FROM "TeamHealthInvitation" i
    WHERE i."checkInTeamId" = ct.id AND i."personId" = ${viewerId})`;
  const { below } = filter;
  const managesMember = below
    ? Prisma.sql`(EXISTS (SELECT 1 FROM "User" m WHERE m."teamId" = ct."teamId"
          AND m."linePath" >= ${below.from} AND m."linePath" < ${below.to})
        OR EXISTS (SELECT 1 FROM "TeamHealthInvitation" i JOIN "User" m ON m.id = i."personId"
          WHERE i."checkInTeamId" = ct.id AND m."linePath" >= ${below.from} AND m."linePath" < ${below.to}))`
    : Prisma.sql`(1 = 0)`;
  const where = filter.all
    ? Prisma.empty
    : Prisma.sql`WHERE ${asked} OR ${managesMember}${
        filter.teamId ? Prisma.sql` OR ct."teamId" = ${filter.teamId}` : Prisma.empty
      }`;
  return parseRows(
    readableRow,
    await readRows`
      SELECT ct.id, ct."teamId", t.name AS team, ct."releasedAt", c.id AS "checkInId",
        c."createdAt", c."closesAt", c."closedAt", c."startedById",
        CASE WHEN ${asked} THEN 1 ELSE 0 END AS asked,
        CASE WHEN ${managesMember} THEN 1 ELSE 0 END AS "managesMember"
      FROM "TeamHealthTeam" ct JOIN "TeamHealthCheckIn" c ON c.id = ct."checkInId"
        JOIN "Team" t ON t.id = ct."teamId"
      ${where}
      ORDER BY c."createdAt" DESC, ct.id
      LIMIT ${filter.limit}`,
  );
}
