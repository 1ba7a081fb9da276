import type { TodoFacts } from "~/modules/todo/todo";
import { openActionsFor } from "./queries.server";

/** Career conversations' to-dos (app/modules/todo): open actions of the person's series, theirs and the other person's, from one read. */
export async function conversationTodoFacts(viewer: { id: string }): Promise<Pick<TodoFacts, "conversationActions">> {
  return { conversationActions: await openActionsFor(viewer.id) };
}
