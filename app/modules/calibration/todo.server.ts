import type { TodoFacts } from "~/modules/todo/todo";
import { calibrationTodo, type CalibrationTodoRow } from "./queries.server";
import { isSessionState, nextState, SESSION_STATE_LABELS } from "./session-state";

type CalibrationFacts = Required<Pick<TodoFacts, "proposalsToMake" | "preReadsToGive" | "proposalsToMark" | "sessionsToRun" | "outcomesToRecord" | "outcomesToRelease">>;

/**
 * The home page's calibration to-dos (app/modules/todo), from one read (calibrationTodo):
 * proposals to make, blind pre-reads to give and proposals to mark, sessions to run, outcomes to
 * release and, for admins, outcomes the facilitator may not record.
 */
export async function calibrationTodoFacts(viewer: { id: string; isAdmin: boolean }): Promise<CalibrationFacts> {
  const rows = await calibrationTodo(viewer);
  const byName = <T extends { session: { name: string; id: string } }>(a: T, b: T) =>
    a.session.name < b.session.name ? -1 : a.session.name > b.session.name ? 1 : a.session.id < b.session.id ? -1 : 1;
  const session = (row: CalibrationTodoRow) => ({ id: row.id, name: row.name });
  const released = new Map<string, CalibrationFacts["outcomesToRelease"][number]>();
  for (const row of rows.filter((row) => row.kind === "release")) {
    const known = released.get(row.id);
    if (known) known.waiting += row.missing;
    else released.set(row.id, { session: session(row), effectiveOn: row.dueOn, waiting: row.missing });
  }
  return {
    proposalsToMake: rows
      .filter((row) => row.kind === "propose" && row.missing > 0)
      .map((row) => ({ session: session(row), dueOn: row.dueOn, total: row.total, missing: row.missing }))
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
        const next = nextState(row.state, { blindPreRead: row.blindPreRead });
        return [{ session: session(row), stateLabel: SESSION_STATE_LABELS[row.state], nextLabel: next ? SESSION_STATE_LABELS[next] : null }];
      })
      .sort(byName),
    outcomesToRecord: rows.filter((row) => row.kind === "record").map((row) => ({ session: session(row), missing: row.missing })).sort(byName),
    outcomesToRelease: [...released.values()].sort(byName),
  };
}
