import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import { calibrationTodo, type CalibrationTodoRow } from "./queries.server";
import { isSessionState, nextState } from "./session-state";

type CalibrationFacts = Required<
  Pick<
    TodoFacts,
    | "proposalsToMake"
    | "preReadsToGive"
    | "proposalsToMark"
    | "sessionsToRun"
    | "outcomesToRecord"
    | "outcomesToRelease"
  >
>;

/**
 * The home page's calibration to-dos (app/modules/todo), from one read (calibrationTodo):
 * proposals to make, blind pre-reads to give and proposals to mark, sessions to run, outcomes to
 * release and, for admins, outcomes the facilitator may not record. Not asked at a moment: time alone
 * changes none of them (a session moves on by its facilitator's steps, its days are only shown).
 */
export async function calibrationTodoFacts(viewer: {
  id: string;
  isAdmin: boolean;
}): Promise<CalibrationFacts> {
  const rows = await calibrationTodo(viewer);
  const byName = <T extends { session: { name: string; id: string } }>(a: T, b: T) =>
    a.session.name < b.session.name
      ? -1
      : a.session.name > b.session.name
        ? 1
        : a.session.id < b.session.id
          ? -1
          : 1;
  const session = (row: CalibrationTodoRow) => ({ id: row.id, name: row.name });
  const released = new Map<string, CalibrationFacts["outcomesToRelease"][number]>();
  for (const row of rows.filter((row) => row.kind === "release")) {
    const known = released.get(row.id);
    if (known) known.waiting += row.missing;
    else
      released.set(row.id, { session: session(row), effectiveOn: row.dueOn, waiting: row.missing });
  }
  return {
    proposalsToMake: rows
      .filter((row) => row.kind === "propose" && row.missing > 0)
      .map((row) => ({
        session: session(row),
        dueOn: row.dueOn,
        total: row.total,
        missing: row.missing,
      }))
      .sort(byName),
    preReadsToGive: rows
      .filter((row) => row.kind === "preread" && row.state === "preread" && row.missing > 0)
      .map((row) => ({ session: session(row), total: row.total, missing: row.missing }))
      .sort(byName),
    proposalsToMark: rows
      .filter((row) => row.kind === "preread" && row.state === "live" && row.missing > 0)
      .map((row) => ({ session: session(row), total: row.total, missing: row.missing }))
      .sort(byName),
    sessionsToRun: rows
      .filter((row) => row.kind === "run")
      .flatMap((row) => {
        if (!isSessionState(row.state)) return [];
        return [
          {
            session: session(row),
            state: row.state,
            next: nextState(row.state, { blindPreRead: row.blindPreRead }),
          },
        ];
      })
      .sort(byName),
    outcomesToRecord: rows
      .filter((row) => row.kind === "record")
      .map((row) => ({ session: session(row), missing: row.missing }))
      .sort(byName),
    outcomesToRelease: [...released.values()].sort(byName),
  };
}

/**
 * Whose calibration to-dos may have changed (the reminders' pass): for a session written (its state,
 * its days), its facilitator, calibrators, the managers of its entries and the admins; for an entry
 * written, its manager and its session's facilitator and calibrators; a calibrator added; and the
 * facilitator of a published session an entry's manager of which changed (they release in a departed
 * manager's place); the admins when a live session's facilitator changed (their role or their line
 * decides which outcomes the admins record). A calibrator whose line changed is named as a person
 * written (todoChangesIn). Time alone adds none.
 */
export async function calibrationTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const since = { gte: writtenSince };
  const [written, touched, entries, calibrators, released, facilitatorsWritten] = await Promise.all(
    [
      db.calibrationSession.findMany({
        where: { updatedAt: since },
        select: { id: true, facilitatorId: true },
      }),
      db.calibrationSession.findMany({
        where: { entries: { some: { updatedAt: since } } },
        select: { id: true, facilitatorId: true },
      }),
      db.calibrationEntry.findMany({
        where: { updatedAt: since, managerId: { not: null } },
        select: { managerId: true },
      }),
      db.calibrationCalibrator.findMany({ where: { createdAt: since }, select: { userId: true } }),
      db.calibrationSession.findMany({
        where: {
          state: "published",
          entries: { some: { released: false, manager: { updatedAt: since } } },
        },
        select: { facilitatorId: true },
      }),
      db.calibrationSession.count({ where: { state: "live", facilitator: { updatedAt: since } } }),
    ],
  );
  const sessionIds = [...new Set([...written, ...touched].map((session) => session.id))];
  const [inSessions, managers] = await Promise.all([
    sessionIds.length
      ? db.calibrationCalibrator.findMany({
          where: { sessionId: { in: sessionIds } },
          select: { userId: true },
        })
      : [],
    written.length
      ? db.calibrationEntry.findMany({
          where: {
            sessionId: { in: written.map((session) => session.id) },
            managerId: { not: null },
          },
          select: { managerId: true },
          distinct: ["managerId"],
        })
      : [],
  ]);
  const people = [...written, ...touched, ...released]
    .map((session) => session.facilitatorId)
    .concat(
      [...inSessions, ...calibrators].map((row) => row.userId),
      [...entries, ...managers].flatMap((row) => (row.managerId ? [row.managerId] : [])),
    );
  return { people, admins: written.length + touched.length + facilitatorsWritten > 0 };
}
