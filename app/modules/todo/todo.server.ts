import { calibrationTodoFacts } from "~/modules/calibration/todo.server";
import { reviewTodoFacts } from "~/modules/cycles/todo.server";
import { hiringTodo } from "~/modules/hiring/todo.server";
import { mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { todoItems, type TodoFacts, type TodoItem } from "./todo";

/**
 * What the person must do next (todo.ts), from each workflow's to-do provider: reviews' one
 * statement, calibration's one, hiring's one (three more for someone in an open loop) and
 * mentorship's one.
 */
export async function todoFor(viewer: { id: string; isAdmin: boolean }, now = new Date()): Promise<TodoItem[]> {
  const [reviews, calibration, hiring, mentorship] = await Promise.all([
    reviewTodoFacts(viewer, now),
    calibrationTodoFacts(viewer),
    hiringTodo(viewer.id),
    mentorshipTodoFacts(viewer, now),
  ]);
  const facts: TodoFacts = { ...reviews, ...calibration, ...hiring, ...mentorship };
  return todoItems(facts, now);
}
