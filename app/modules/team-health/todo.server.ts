import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate } from "~/db/rows";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/**
 * Team health's to-dos (app/modules/todo): a person asked in an open check-in who has not answered
 * (their own flag, shown to them alone), and the owner of a team's action not yet done.
 */
const todoRow = z.object({
  kind: z.enum(["answer", "action"]),
  id: z.string(),
  checkInId: z.string(),
  teamId: z.string(),
  team: z.string(),
  at: sqlDate,
});

/** Both kinds of team health to-do in one statement (and the to-do list's probe): the home page asks every workflow's to-dos on each visit. */
export function teamHealthTodoRead(viewer: { id: string }, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'answer' AS kind, c.id AS id, c.id AS "checkInId", ct."teamId" AS "teamId", t.name AS team, c."closesAt" AS at
    FROM "TeamHealthInvitation" i
    JOIN "TeamHealthTeam" ct ON ct.id = i."checkInTeamId"
    JOIN "TeamHealthCheckIn" c ON c.id = ct."checkInId"
    JOIN "Team" t ON t.id = ct."teamId"
    WHERE i."personId" = ${viewer.id} AND NOT i.answered AND c."closedAt" IS NULL AND c."closesAt" > ${now}
    UNION ALL
    SELECT 'action', a.id, ct."checkInId", a."teamId", t.name, a."dueOn"
    FROM "TeamHealthAction" a
    JOIN "TeamHealthTeam" ct ON ct.id = a."checkInTeamId"
    JOIN "Team" t ON t.id = a."teamId"
    WHERE a."ownerId" = ${viewer.id} AND a."doneAt" IS NULL
    ORDER BY kind, at, id`;
}

export async function teamHealthTodoFacts(
  viewer: { id: string },
  now: Date,
): Promise<Pick<TodoFacts, "teamHealthToAnswer" | "teamHealthActions">> {
  const rows = parseRows(todoRow, await readRows(teamHealthTodoRead(viewer, now)));
  return {
    teamHealthToAnswer: rows
      .filter((row) => row.kind === "answer")
      .map((row) => ({ checkInId: row.checkInId, team: row.team, closesAt: row.at })),
    teamHealthActions: rows
      .filter((row) => row.kind === "action")
      .map((row) => ({
        actionId: row.id,
        checkInId: row.checkInId,
        teamId: row.teamId,
        team: row.team,
        dueOn: row.at,
      })),
  };
}

/** Whose lists may have changed: everyone asked in a check-in started since, and the owners of actions written since. */
export async function teamHealthTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const [invited, actions] = await Promise.all([
    db.teamHealthInvitation.findMany({
      where: { checkInTeam: { checkIn: { updatedAt: { gte: writtenSince } } } },
      select: { personId: true },
    }),
    db.teamHealthAction.findMany({
      where: { updatedAt: { gte: writtenSince }, ownerId: { not: null } },
      select: { ownerId: true },
    }),
  ]);
  return {
    people: [
      ...new Set([...invited.map((row) => row.personId), ...actions.map((row) => row.ownerId!)]),
    ],
  };
}
