import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { checkInsDue } from "./goals.server";

/**
 * Goals' to-dos (app/modules/todo): a check-in is due on each key result the person owns or
 * contributes to when none came in the last seven days of an open period. It opens the
 * objective's page at the key result's check-in form.
 */
export async function goalTodoFacts(viewer: {
  id: string;
}): Promise<Pick<TodoFacts, "keyResultCheckInsDue">> {
  const due = await checkInsDue(viewer.id);
  return {
    keyResultCheckInsDue: due.map((row) => ({
      keyResultId: row.keyResultId,
      objectiveId: row.objectiveId,
      title: row.title,
    })),
  };
}

/**
 * Whose goal to-dos may have changed: the owners and contributors of key results checked in on,
 * added or whose period changed since; and, as time alone makes a check-in due (a week passes, a
 * period opens), everyone with a key result in a period open in the window.
 */
export async function goalTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const rows = await db.keyResult.findMany({
    where: {
      OR: [
        { updatedAt: { gte: writtenSince } },
        { checkIns: { some: { createdAt: { gte: writtenSince } } } },
        { objective: { period: { updatedAt: { gte: writtenSince } } } },
        { objective: { period: { closedAt: null, startsOn: { lte: to }, endsOn: { gte: from } } } },
      ],
    },
    select: { ownerId: true, contributors: { select: { personId: true } } },
  });
  return {
    people: [
      ...new Set(rows.flatMap((row) => [row.ownerId, ...row.contributors.map((c) => c.personId)])),
    ],
  };
}
