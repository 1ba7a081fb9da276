import { db } from "~/db/client.server";
import { calibrationTodo } from "~/modules/calibration/queries.server";
import { hiringTodo } from "~/modules/hiring/todo.server";
import { mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { ownOpenCycles, reportsAwaitingReview } from "./queries.server";
import { todoItems, type TodoFacts, type TodoItem } from "./todo";

/** What the person must do next (todo.ts), from the kept progress of the cycles not closed: four reads, five for admins, hiring's three (scorecards due, debriefs, decisions) and mentorship's one. */
export async function todoFor(viewer: { id: string; isAdmin: boolean }, now = new Date()): Promise<TodoItem[]> {
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [own, reports, calibration, hiring, mentorship, overdue] = await Promise.all([
    ownOpenCycles(viewer.id, now),
    reportsAwaitingReview(viewer.id, now),
    calibrationTodo(viewer.id),
    hiringTodo(viewer.id),
    mentorshipTodoFacts(viewer, now),
    viewer.isAdmin
      ? db.reviewCycle.findMany({ where: { closedAt: null, endsOn: { lt: startOfToday } }, select: { id: true, name: true, endsOn: true }, orderBy: { endsOn: "asc" } })
      : Promise.resolve([]),
  ]);
  const facts: TodoFacts = {
    ownCycles: own.map((row) => ({
      cycle: { id: row.cycleId, name: row.cycleName, endsOn: row.endsOn },
      selfProgress: row.selfProgress,
      canAssess: row.level !== null && row.deactivatedAt === null,
    })),
    reportsToReview: reports.map((row) => ({
      cycle: { id: row.cycleId, name: row.cycleName, endsOn: row.endsOn },
      person: { id: row.personId, name: row.personName },
      selfProgress: row.selfProgress,
      managerProgress: row.managerProgress,
    })),
    cyclesToClose: overdue,
    ...calibration,
    ...hiring,
    ...mentorship,
  };
  return todoItems(facts, now);
}
