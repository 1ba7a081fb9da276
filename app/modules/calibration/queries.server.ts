import { db } from "~/db/client.server";
import { isSessionState, nextState, SESSION_STATE_LABELS } from "./session-state";

/** For the home page: sessions where the person must propose for reports, and sessions they facilitate that are not finished. */
export async function calibrationTodo(personId: string) {
  const [entries, facilitated] = await Promise.all([
    db.calibrationEntry.findMany({
      where: { managerId: personId, session: { state: { in: ["proposals", "preread"] }, calibrators: { some: { userId: personId } } } },
      select: { proposedRating: true, session: { select: { id: true, name: true } } },
    }),
    db.calibrationSession.findMany({ where: { facilitatorId: personId, state: { not: "published" } }, select: { id: true, name: true, state: true, blindPreRead: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const bySession = new Map<string, { session: { id: string; name: string }; total: number; missing: number }>();
  for (const entry of entries) {
    const group = bySession.get(entry.session.id) ?? { session: entry.session, total: 0, missing: 0 };
    group.total += 1;
    if (entry.proposedRating === null) group.missing += 1;
    bySession.set(entry.session.id, group);
  }
  return {
    proposalsToMake: [...bySession.values()].filter((group) => group.missing > 0),
    sessionsToRun: facilitated.flatMap((session) => {
      if (!isSessionState(session.state)) return [];
      const next = nextState(session.state, { blindPreRead: session.blindPreRead });
      return [{ session: { id: session.id, name: session.name }, stateLabel: SESSION_STATE_LABELS[session.state], nextLabel: next ? SESSION_STATE_LABELS[next] : null }];
    }),
  };
}
