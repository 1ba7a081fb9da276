import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { erasedAmong } from "~/modules/people/erased.server";
import { csvRow } from "~/utils/csv";
import { ForbiddenError } from "~/modules/errors";
import { getTrack } from "~/modules/ladders";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import type { AnyNamespaceT, PageLanguage } from "~/i18n/languages";
import { wordsOf } from "~/i18n/messages";
import {
  historyField,
  historyValue,
  isCodedField,
  isShownField,
  storedIdList,
  type HistoryContext,
} from "./history";
import { canOpenEntry, canOverseeSession } from "./policy";
import { sessionScale } from "./scale";
import { requireSessionAccess } from "./sessions.server";

/**
 * Names and labels as the pages say them, under headers in the downloader's language (keys of
 * `calibration:export.columns`); the codes behind them (for other systems) in the last columns,
 * whose headers are codes too and the same in every language (decision 119).
 */
const OUTCOME_COLUMNS = [
  "person",
  "email",
  "manager",
  "track",
  "level",
  "proposedRating",
  "proposedOutcome",
  "proposedLevel",
  "rationale",
  "finalRating",
  "finalOutcome",
  "finalLevel",
  "reason",
] as const;
const CODE_COLUMNS = [
  "track id",
  "level id",
  "proposed rating value",
  "proposed level id",
  "final rating value",
  "final level id",
];
/** As the outcomes: labels in the reader's language, then the codes (the same in every language). */
const HISTORY_COLUMNS = [
  "whenUtc",
  "who",
  "person",
  "kind",
  "field",
  "from",
  "to",
  "reason",
] as const;
const HISTORY_CODE_COLUMNS = ["field id", "from value", "to value", "kind value"];
/** The kinds of event the history words (`calibration:export.kinds`); any other is shown as its code. */
const EVENT_KINDS = new Set([
  "proposal",
  "final",
  "move",
  "undo",
  "apply",
  "release",
  "state",
  "invite",
  "meeting",
  "preread",
  "discuss",
  "notes",
]);

const fileName = (name: string, what: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "calibration"
  }-${what}.csv`;
const text = (value: unknown) =>
  value === null || value === undefined ? "" : typeof value === "number" ? value : String(value);
/** A history value as stored (a number, a code, a list of ids); anything else is not a code and is left out. */
const code = (value: unknown): string | number => {
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string"))
    return value.join(" ");
  return "";
};

/**
 * A session's outcomes (one row per person) or its full history (one row per changed field of every
 * event), as CSV, for its facilitator and admins. A facilitator who is also calibrated in the session
 * gets neither their own row nor their own entry's events, as on the session page (canOpenEntry); an
 * erased former colleague's row and events are left out for everyone (readableAsPerson).
 */
export async function sessionExport(
  viewer: Viewer,
  sessionId: string,
  what: "outcomes" | "history",
  t: AnyNamespaceT,
  language: PageLanguage,
): Promise<{ filename: string; body: string }> {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canOverseeSession(viewer, session.access))
    throw new ForbiddenError({ key: "calibration:errors.facilitatorExports" });
  // Ladder texts in the reader's language, as the messages are; the codes beside them stay the same.
  const { ladder } = await requireLadderOfVersionIn(session.ladderVersionId, language);
  const scale = sessionScale(ladder, session.scaleId).points;
  const levelTitles = Object.fromEntries(
    ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level.title])),
  );
  const ratingLabel = (value: number | null) =>
    value === null ? "" : (scale.find((point) => point.value === value)?.label ?? String(value));
  const said = (value: ReturnType<typeof historyValue>) =>
    value === null ? "" : wordsOf(t, value);
  const secondLabel = (value: number | null) =>
    said(
      historyValue("finalSecond", value, {
        scale,
        secondDimension: null,
        levelTitles,
        evidence: {},
      }),
    );
  const outcomeLabel = (value: string | null) =>
    said(
      historyValue("finalOutcome", value, {
        scale,
        secondDimension: null,
        levelTitles,
        evidence: {},
      }),
    );
  const levelTitle = (id: string | null) => (id === null ? "" : (levelTitles[id] ?? id));
  const kindWord = (kind: string) =>
    EVENT_KINDS.has(kind) ? wordsOf(t, { key: `calibration:export.kinds.${kind}` }) : kind;
  const header = (column: string, values?: Record<string, string>) =>
    wordsOf(t, { key: `calibration:export.columns.${column}`, values });
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
    const labels = OUTCOME_COLUMNS.map((column) => header(column));
    const columns = [
      ...(second
        ? [
            ...labels.slice(0, 6),
            header("proposedSecond", { dimension: second }),
            ...labels.slice(6, 10),
            header("finalSecond", { dimension: second }),
            ...labels.slice(10),
          ]
        : labels),
      ...CODE_COLUMNS,
    ];
    const erased = await erasedAmong(entries.map((entry) => entry.personId));
    const rows = entries
      .filter(
        (entry) =>
          readableAsPerson(erased.has(entry.personId)) &&
          canOpenEntry(viewer, session.access, entry),
      )
      .map((entry) =>
        csvRow([
          entry.person.name,
          entry.person.email,
          entry.manager?.name ?? "",
          entry.trackId ? (getTrack(ladder, entry.trackId)?.name ?? entry.trackId) : "",
          levelTitle(entry.levelId),
          ratingLabel(entry.proposedRating),
          ...(second ? [secondLabel(entry.proposedSecond)] : []),
          outcomeLabel(entry.proposedOutcome),
          levelTitle(entry.proposedLevelId),
          entry.rationale,
          ratingLabel(entry.finalRating),
          ...(second ? [secondLabel(entry.finalSecond)] : []),
          outcomeLabel(entry.finalOutcome),
          levelTitle(entry.finalLevelId),
          text(entry.finalReason),
          text(entry.trackId),
          text(entry.levelId),
          text(entry.proposedRating),
          text(entry.proposedLevelId),
          text(entry.finalRating),
          text(entry.finalLevelId),
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
      entry: {
        select: {
          personId: true,
          managerId: true,
          released: true,
          person: { select: { name: true } },
        },
      },
    },
  });
  const erased = await erasedAmong(
    events.flatMap((event) => (event.entry ? [event.entry.personId] : [])),
  );
  const shown = events
    .filter(
      (event) =>
        !event.entry ||
        (readableAsPerson(erased.has(event.entry.personId)) &&
          canOpenEntry(viewer, session.access, event.entry)),
    )
    .map((event) => ({ ...event, change: JSON.parse(event.change) as Record<string, unknown> }));
  // Evidence a proposal pointed to, by its text.
  const evidenceIds = [
    ...new Set(
      shown.flatMap((event) =>
        Object.entries(event.change).flatMap(([field, change]) =>
          field === "proposedEvidence" && Array.isArray(change) ? change.flatMap(storedIdList) : [],
        ),
      ),
    ),
  ];
  const evidence = evidenceIds.length
    ? await db.ratingEvidence.findMany({
        where: { id: { in: evidenceIds } },
        select: { id: true, text: true },
      })
    : [];
  const context: HistoryContext = {
    scale,
    secondDimension: session.secondDimension,
    levelTitles,
    evidence: Object.fromEntries(evidence.map((item) => [item.id, item.text])),
  };
  const rows = shown.flatMap((event) =>
    Object.entries(event.change)
      .filter(([field]) => isShownField(field))
      .map(([field, change]) => {
        const [from, to] = Array.isArray(change) ? change : [null, change];
        return csvRow([
          event.createdAt.toISOString(),
          event.actor.name,
          event.entry?.person.name ?? "",
          kindWord(event.kind),
          wordsOf(t, historyField(field, context)),
          said(historyValue(field, from, context)),
          said(historyValue(field, to, context)),
          text(event.reason),
          field,
          isCodedField(field) ? code(from) : "",
          isCodedField(field) ? code(to) : "",
          event.kind,
        ]);
      }),
  );
  return {
    filename: fileName(session.name, "history"),
    body:
      csvRow([...HISTORY_COLUMNS.map((column) => header(column)), ...HISTORY_CODE_COLUMNS]) +
      rows.join(""),
  };
}
