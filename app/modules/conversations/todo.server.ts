import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { openActionsFor } from "./queries.server";

/**
 * Career conversations' to-dos (app/modules/todo): open actions of the person's series, theirs and
 * the other person's, from one read. Not asked at a moment: time alone changes none (an action is
 * closed, a series ended, by a write; an action's day is only its due date).
 */
export async function conversationTodoFacts(viewer: {
  id: string;
}): Promise<Pick<TodoFacts, "conversationActions">> {
  return { conversationActions: await openActionsFor(viewer.id) };
}

/** Whose conversation to-dos may have changed (the reminders' pass): both people of a series or an action written since. Time alone adds none. */
export async function conversationTodoChanges({
  writtenSince,
}: ChangeWindow): Promise<TodoChanges> {
  const series = await db.conversationSeries.findMany({
    where: {
      OR: [
        { updatedAt: { gte: writtenSince } },
        { actions: { some: { updatedAt: { gte: writtenSince } } } },
      ],
    },
    select: { managerId: true, reportId: true },
  });
  return { people: series.flatMap((row) => [row.managerId, row.reportId]) };
}
