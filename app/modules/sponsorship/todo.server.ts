import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows } from "~/db/rows";
import { readRows } from "~/db/reads.server";

const todoRow = z.object({ id: z.string(), name: z.string() });
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/** The sponsorships the sponsee has not seen yet, with the sponsor's name, in one statement (and the to-do list's probe). */
export function sponsorshipTodoRead(viewer: { id: string }, now: Date): Prisma.Sql {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return Prisma.sql`
    SELECT s.id, p.name FROM "Sponsorship" s JOIN "User" p ON p.id = s."sponsorId"
    WHERE s."sponseeId" = ${viewer.id} AND s."seenAt" IS NULL AND s."declinedAt" IS NULL AND s."endedAt" IS NULL AND s.until >= ${today} AND p."deactivatedAt" IS NULL
    ORDER BY s."createdAt", s.id`;
}

/** Sponsorship's to-do (app/modules/todo): a sponsee sees each new sponsorship of them once; it stays until they have. */
export async function sponsorshipTodoFacts(
  viewer: { id: string },
  now: Date,
): Promise<Pick<TodoFacts, "sponsorshipsToSee">> {
  const rows = parseRows(todoRow, await readRows(sponsorshipTodoRead(viewer, now)));
  return {
    sponsorshipsToSee: rows.map((row) => ({ sponsorshipId: row.id, sponsorName: row.name })),
  };
}

/** Whose sponsorship to-dos may have changed: the sponsee of every sponsorship written since. Time alone adds none (a lapsed one only leaves a list). */
export async function sponsorshipTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const rows = await db.sponsorship.findMany({
    where: { updatedAt: { gte: writtenSince } },
    select: { sponseeId: true },
  });
  return { people: [...new Set(rows.map((row) => row.sponseeId))] };
}
