import { db } from "~/db/client.server";
import {
  todoItems,
  type ChangeWindow,
  type TodoChanges,
  type TodoFacts,
  type TodoItem,
} from "~/modules/todo/todo";
import { reviewTodo, type ReviewTodoRow } from "./queries.server";
import * as clock from "~/platform/clock.server";

type ReviewFacts = Pick<
  TodoFacts,
  "ownCycles" | "reportsToReview" | "cyclesToClose" | "reviewsOutsideCycles"
>;

/**
 * The home page's review to-dos (app/modules/todo), from one read (reviewTodo): the person's own
 * place in each cycle under way, their reports to review in one, reviews outside any cycle they
 * owe, and for admins the cycles to close.
 */
export async function reviewTodoFacts(
  viewer: { id: string; isAdmin: boolean },
  now: Date,
): Promise<ReviewFacts> {
  const rows = await reviewTodo(viewer, now);
  // Reports by name (then id), cycles to close oldest first: the same order on both databases.
  const byName = (a: { personName: string | null; personId: string | null }, b: typeof a) =>
    (a.personName ?? "") < (b.personName ?? "")
      ? -1
      : (a.personName ?? "") > (b.personName ?? "")
        ? 1
        : (a.personId ?? "") < (b.personId ?? "")
          ? -1
          : 1;
  const cycle = (row: ReviewTodoRow) => ({
    id: row.cycleId!,
    name: row.cycleName!,
    endsOn: row.endsOn!,
  });
  return {
    ownCycles: rows
      .filter((row) => row.kind === "own")
      .map((row) => ({
        cycle: cycle(row),
        selfProgress: row.selfProgress!,
        canAssess: row.canAssess === 1,
      })),
    reportsToReview: rows
      .filter((row) => row.kind === "report")
      .sort(byName)
      .map((row) => ({
        cycle: cycle(row),
        person: { id: row.personId!, name: row.personName! },
        selfProgress: row.selfProgress!,
        managerProgress: row.managerProgress!,
      })),
    cyclesToClose: rows
      .filter((row) => row.kind === "close")
      .map(cycle)
      .sort((a, b) => a.endsOn.getTime() - b.endsOn.getTime()),
    reviewsOutsideCycles: rows
      .filter((row) => row.kind === "outside")
      .sort(byName)
      .map((row) => ({
        assessmentId: row.assessmentId!,
        person: { id: row.personId!, name: row.personName! },
      })),
  };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whose review to-dos may have changed (the reminders' pass, ChangeWindow): everyone in a cycle
 * written, started or come to its end in the window, with their managers and the admins (a cycle to
 * close); a participant or an assessment written, with the person's manager. A cycle is to be closed
 * from the day after its last day, so one that ended up to two days before the window is named too.
 */
export async function reviewTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const [cycles, participants, assessments] = await Promise.all([
    db.reviewCycle.findMany({
      where: {
        OR: [
          { updatedAt: { gte: writtenSince } },
          { startsOn: { gt: from, lte: to } },
          { endsOn: { gt: new Date(from.getTime() - 2 * DAY), lte: to } },
        ],
      },
      select: { id: true },
    }),
    db.reviewCycleParticipant.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { userId: true },
    }),
    db.assessment.findMany({
      where: { updatedAt: { gte: writtenSince } },
      select: { subjectId: true },
    }),
  ]);
  const inCycles = cycles.length
    ? await db.reviewCycleParticipant.findMany({
        where: { cycleId: { in: cycles.map((cycle) => cycle.id) } },
        select: { userId: true },
      })
    : [];
  const people = [...participants, ...inCycles]
    .map((row) => row.userId)
    .concat(assessments.map((row) => row.subjectId));
  return { people, managersOf: people, admins: cycles.length > 0 };
}

/**
 * What the viewer owes about one person's reviews, as their to-do list says it (a person's growth
 * page): their own self-assessment when the person is the viewer, their review when the person
 * reports to them. With the open cycles the viewer is in, so a page can tell "submitted" from
 * "no cycle".
 */
export async function reviewTodoAbout(
  viewer: { id: string; isAdmin: boolean },
  personId: string,
  now = clock.now(),
): Promise<{ items: TodoItem[]; ownCycles: { name: string }[] }> {
  const facts = await reviewTodoFacts(viewer, now);
  const ownCycles = viewer.id === personId ? facts.ownCycles : [];
  const about: TodoFacts = {
    ownCycles,
    reportsToReview: facts.reportsToReview.filter((entry) => entry.person.id === personId),
    reviewsOutsideCycles: facts.reviewsOutsideCycles?.filter(
      (entry) => entry.person.id === personId,
    ),
    cyclesToClose: [],
  };
  return {
    items: todoItems(about, now),
    ownCycles: ownCycles.map(({ cycle }) => ({ name: cycle.name })),
  };
}
