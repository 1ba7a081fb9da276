import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/auth/policy";
import { csvRow } from "~/utils/csv";
import { ForbiddenError } from "~/modules/errors";
import { canOpenEntry, isFacilitator } from "./policy";
import { requireSessionAccess } from "./sessions.server";

const OUTCOME_COLUMNS = ["person", "email", "manager", "track", "level", "proposed rating", "proposed outcome", "proposed level", "rationale", "final rating", "final outcome", "final level", "reason"];
const HISTORY_COLUMNS = ["when (UTC)", "who", "person", "kind", "field", "from", "to", "reason"];

const fileName = (name: string, what: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "calibration"}-${what}.csv`;
const text = (value: unknown) => (value === null || value === undefined ? "" : typeof value === "number" ? value : String(value));

/**
 * A session's outcomes (one row per person) or its full history (one row per changed field of every
 * event), as CSV, for its facilitator and admins. A facilitator who is also calibrated in the session
 * gets neither their own row nor their own entry's events, as on the session page (canOpenEntry).
 */
export async function sessionExport(viewer: Viewer, sessionId: string, what: "outcomes" | "history"): Promise<{ filename: string; body: string }> {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!viewer.isAdmin && !isFacilitator(viewer, session.access)) throw new ForbiddenError("Only the facilitator and admins export a session.");
  if (what === "outcomes") {
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId },
      orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
      select: {
        trackId: true,
        levelId: true,
        proposedRating: true,
        proposedSecond: true,
        proposedOutcome: true,
        proposedLevelId: true,
        rationale: true,
        finalRating: true,
        finalSecond: true,
        finalOutcome: true,
        finalLevelId: true,
        finalReason: true,
        personId: true,
        managerId: true,
        released: true,
        person: { select: { name: true, email: true } },
        manager: { select: { name: true } },
      },
    });
    // A session that collects a second dimension exports it beside each rating.
    const second = session.secondDimension;
    const columns = second
      ? [...OUTCOME_COLUMNS.slice(0, 6), `proposed ${second.toLowerCase()}`, ...OUTCOME_COLUMNS.slice(6, 10), `final ${second.toLowerCase()}`, ...OUTCOME_COLUMNS.slice(10)]
      : OUTCOME_COLUMNS;
    const rows = entries.filter((entry) => canOpenEntry(viewer, session.access, entry)).map((entry) =>
      csvRow([
        entry.person.name,
        entry.person.email,
        entry.manager?.name ?? "",
        text(entry.trackId),
        text(entry.levelId),
        text(entry.proposedRating),
        ...(second ? [text(entry.proposedSecond)] : []),
        text(entry.proposedOutcome),
        text(entry.proposedLevelId),
        entry.rationale,
        text(entry.finalRating),
        ...(second ? [text(entry.finalSecond)] : []),
        text(entry.finalOutcome),
        text(entry.finalLevelId),
        text(entry.finalReason),
      ]),
    );
    return { filename: fileName(session.name, "outcomes"), body: csvRow(columns) + rows.join("") };
  }
  const events = await db.calibrationEvent.findMany({
    where: { sessionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      kind: true,
      change: true,
      reason: true,
      createdAt: true,
      actor: { select: { name: true } },
      entry: { select: { personId: true, managerId: true, released: true, person: { select: { name: true } } } },
    },
  });
  const rows = events.filter((event) => !event.entry || canOpenEntry(viewer, session.access, event.entry)).flatMap((event) =>
    Object.entries(JSON.parse(event.change) as Record<string, unknown>).map(([field, change]) => {
      const [from, to] = Array.isArray(change) ? change : [null, change];
      return csvRow([event.createdAt.toISOString(), event.actor.name, event.entry?.person.name ?? "", event.kind, field, text(from), text(to), text(event.reason)]);
    }),
  );
  return { filename: fileName(session.name, "history"), body: csvRow(HISTORY_COLUMNS) + rows.join("") };
}
