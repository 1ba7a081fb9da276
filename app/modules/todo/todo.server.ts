import { db } from "~/db/client.server";
import { calibrationTodoChanges, calibrationTodoFacts } from "~/modules/calibration/todo.server";
import { feedbackTodoChanges, feedbackTodoFacts } from "~/modules/feedback/todo.server";
import { conversationTodoChanges, conversationTodoFacts } from "~/modules/conversations/todo.server";
import { reviewTodoChanges, reviewTodoFacts } from "~/modules/cycles/todo.server";
import { hiringTodo, hiringTodoChanges } from "~/modules/hiring/todo.server";
import { mentorshipTodoChanges, mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { chunks } from "~/utils/chunks";
import { memoForRequest } from "~/utils/request-memo.server";
import { keptCountHolds, keptCountStands, type KeptTodoCount } from "./kept-count";
import { keepTodoCount } from "./kept-count.server";
import { todoItems, type ChangeWindow, type TodoChanges, type TodoFacts, type TodoItem } from "./todo";

/**
 * What the person must do next (todo.ts), from each workflow's to-do provider: reviews' one
 * statement, calibration's one, hiring's one (two more for someone in an open loop or managing an opening),
 * mentorship's one and career conversations' one.
 */
export async function todoFor(viewer: { id: string; isAdmin: boolean }, now = new Date()): Promise<TodoItem[]> {
  const [reviews, calibration, hiring, mentorship, conversations, feedback] = await Promise.all([
    reviewTodoFacts(viewer, now),
    calibrationTodoFacts(viewer),
    hiringTodo(viewer.id),
    mentorshipTodoFacts(viewer, now),
    conversationTodoFacts(viewer),
    feedbackTodoFacts(viewer),
  ]);
  const facts: TodoFacts = { ...reviews, ...calibration, ...hiring, ...mentorship, ...conversations, ...feedback };
  return todoItems(facts, now);
}

/**
 * Whose to-do lists may have changed in the window (ChangeWindow), from each provider's own answer
 * beside its query, and a person written (their level, manager, admin role, time zone or leaving),
 * who and whose manager are named: "everyone" when a provider says so. A handful of indexed
 * statements, however many people there are; what they name is what changed.
 */
export async function todoChangesIn(window: ChangeWindow): Promise<Set<string> | "everyone"> {
  const answers: TodoChanges[] = await Promise.all([
    reviewTodoChanges(window),
    calibrationTodoChanges(window),
    hiringTodoChanges(window),
    mentorshipTodoChanges(window),
    conversationTodoChanges(window),
    feedbackTodoChanges(window),
    db.user.findMany({ where: { updatedAt: { gte: window.writtenSince } }, select: { id: true } }).then((rows) => ({ people: rows.map((row) => row.id), managersOf: rows.map((row) => row.id) })),
  ]);
  if (answers.some((answer) => answer.everyone)) return "everyone";
  const people = new Set(answers.flatMap((answer) => answer.people));
  for (const ids of chunks([...new Set(answers.flatMap((answer) => answer.managersOf ?? []))], 5000)) {
    for (const row of await db.user.findMany({ where: { id: { in: ids }, managerId: { not: null } }, select: { managerId: true } })) people.add(row.managerId!);
  }
  if (answers.some((answer) => answer.admins)) for (const row of await db.user.findMany({ where: { isAdmin: true, deactivatedAt: null }, select: { id: true } })) people.add(row.id);
  return people;
}

/**
 * What the viewer owes about one person's reviews, as their to-do list says it (a person's growth
 * page): their own self-assessment when the person is the viewer, their review when the person
 * reports to them. With the open cycles the viewer is in, so a page can tell "submitted" from
 * "no cycle".
 */
export async function reviewTodoAbout(viewer: { id: string; isAdmin: boolean }, personId: string, now = new Date()): Promise<{ items: TodoItem[]; ownCycles: { name: string }[] }> {
  const facts = await reviewTodoFacts(viewer, now);
  const ownCycles = viewer.id === personId ? facts.ownCycles : [];
  const about: TodoFacts = {
    ownCycles,
    reportsToReview: facts.reportsToReview.filter((entry) => entry.person.id === personId),
    reviewsOutsideCycles: facts.reviewsOutsideCycles?.filter((entry) => entry.person.id === personId),
    cyclesToClose: [],
  };
  return { items: todoItems(about, now), ownCycles: ownCycles.map(({ cycle }) => ({ name: cycle.name })) };
}

type Counted = { viewer: { id: string; isAdmin: boolean }; todoCount: KeptTodoCount };

/**
 * The person's to-do list for this request, worked out once however many loaders ask (the home
 * page's list and the navigation's figure), with the kept count brought up to date when it differs.
 */
export function todoOf(signedIn: Counted, now = new Date()): Promise<TodoItem[]> {
  return memoForRequest(`todo:${signedIn.viewer.id}`, async () => {
    const items = await todoFor(signedIn.viewer, now);
    if (!keptCountHolds(signedIn.todoCount, items.length, now)) await keepTodoCount(signedIn.viewer.id, items.length, now);
    return items;
  });
}

/** The navigation's figure: the kept count while it stands (no statement at all), else the list's length, counted again and kept. */
export async function openTodoCount(signedIn: Counted, now = new Date()): Promise<number> {
  if (keptCountStands(signedIn.todoCount, now)) return signedIn.todoCount.open;
  return (await todoOf(signedIn, now)).length;
}
