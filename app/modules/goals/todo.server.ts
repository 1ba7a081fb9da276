import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { checkInsDue } from "./goals.server";
import { CHECK_IN_EVERY_DAYS } from "./progress";

/**
 * Goals' to-dos (app/modules/todo): a check-in is due on each key result the person owns or
 * contributes to when none came in the last seven days of an open period, dated by when it is
 * expected (so the reminders tell it each week). It opens the objective's page at the key result's
 * check-in form.
 */
export async function goalTodoFacts(
  viewer: { id: string },
  now: Date,
): Promise<Pick<TodoFacts, "keyResultCheckInsDue">> {
  // At the moment asked (the reminders' pass says when), not the clock's: time alone makes a check-in due.
  const due = await checkInsDue(viewer.id, now);
  return {
    keyResultCheckInsDue: due.map((row) => ({
      keyResultId: row.keyResultId,
      objectiveId: row.objectiveId,
      title: row.title,
      dueOn: row.expectedBy,
    })),
  };
}

/**
 * Whose goal to-dos may have changed: the owners and contributors of key results written (added,
 * checked in on, their period set or closed) since; and, as time alone makes a check-in due, those of
 * key results whose period began in the window or whose check-in turned a week old in it.
 */
export async function goalTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const week = CHECK_IN_EVERY_DAYS * 24 * 60 * 60 * 1000;
  const rows = await db.keyResult.findMany({
    where: {
      OR: [
        { updatedAt: { gte: writtenSince } },
        { checkIns: { some: { createdAt: { gte: writtenSince } } } },
        { objective: { period: { updatedAt: { gte: writtenSince } } } },
        { objective: { period: { closedAt: null, startsOn: { gte: from, lte: to } } } },
        {
          checkIns: {
            some: {
              at: { gte: new Date(from.getTime() - week), lte: new Date(to.getTime() - week) },
            },
          },
        },
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
