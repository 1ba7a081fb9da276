import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/** Sponsorship's to-do (app/modules/todo): a sponsee sees each new sponsorship of them once; it stays until they have. */
export async function sponsorshipTodoFacts(viewer: { id: string }, now: Date): Promise<Pick<TodoFacts, "sponsorshipsToSee">> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const rows = await db.sponsorship.findMany({
    where: { sponseeId: viewer.id, seenAt: null, declinedAt: null, endedAt: null, until: { gte: today } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, sponsor: { select: { name: true } } },
  });
  return { sponsorshipsToSee: rows.map((row) => ({ sponsorshipId: row.id, sponsorName: row.sponsor.name })) };
}

/** Whose sponsorship to-dos may have changed: the sponsee of every sponsorship written since. Time alone adds none (a lapsed one only leaves a list). */
export async function sponsorshipTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const rows = await db.sponsorship.findMany({ where: { updatedAt: { gte: writtenSince } }, select: { sponseeId: true } });
  return { people: [...new Set(rows.map((row) => row.sponseeId))] };
}
