import type { LevelOutcome } from "./entries";
import { LEVEL_OUTCOME_LABELS } from "./outcomes";
import { SECOND_DIMENSION_POINTS } from "./scale";
import { plural } from "~/utils/plural";

/**
 * A calibration event's change ({ field: [from, to] }, as stored) in words: ratings by their
 * scale point's label, levels by title, evidence by its text (or how many pieces), outcomes and
 * marks as the forms say them. Used by the entry's history and the history export alike.
 */

export type HistoryContext = {
  /** The session's rating scale. */
  scale: readonly { value: number; label: string }[];
  /** What the session calls its second dimension (Potential…), when it collects one. */
  secondDimension: string | null;
  levelTitles: Readonly<Record<string, string>>;
  /** Evidence of the person's reviews by id: its text. */
  evidence: Readonly<Record<string, string>>;
};

type Kind = "rating" | "second" | "outcome" | "level" | "evidence" | "text" | "mark" | "released" | "state" | "discussion" | "hidden" | "plain";

const FIELDS: Record<string, { name: string; kind: Kind }> = {
  proposedRating: { name: "proposed rating", kind: "rating" },
  proposedOutcome: { name: "proposed outcome", kind: "outcome" },
  proposedLevelId: { name: "proposed level", kind: "level" },
  proposedSecond: { name: "proposed second dimension", kind: "second" },
  proposedEvidence: { name: "evidence pointed to", kind: "evidence" },
  rationale: { name: "rationale", kind: "text" },
  finalRating: { name: "final rating", kind: "rating" },
  finalOutcome: { name: "final outcome", kind: "outcome" },
  finalLevelId: { name: "final level", kind: "level" },
  finalSecond: { name: "final second dimension", kind: "second" },
  finalReason: { name: "reason", kind: "text" },
  rating: { name: "independent rating", kind: "rating" },
  mark: { name: "mark on the proposal", kind: "mark" },
  released: { name: "outcome", kind: "released" },
  level: { name: "level", kind: "level" },
  state: { name: "state", kind: "state" },
  calibrator: { name: "calibrator invited", kind: "plain" },
  people: { name: "people", kind: "plain" },
  promotionsEffectiveOn: { name: "promotions take effect on", kind: "plain" },
  meeting: { name: "meeting (UTC)", kind: "plain" },
  meetingNotes: { name: "meeting notes", kind: "text" },
  discussion: { name: "meeting", kind: "discussion" },
  /** Which move an undo takes back (an event id): for the grid's undo, not for reading. */
  undoes: { name: "move undone", kind: "hidden" },
  /** Each person's team and attributes at the lock (groups-at-lock.ts): for the session's reports, never shown in its history. */
  groupsAtLock: { name: "groups at the lock", kind: "hidden" },
};

/** Fields an export or a history line shows (not the links between events). */
export const isShownField = (field: string) => FIELDS[field]?.kind !== "hidden";

/** What a history line says before the changes, for the grid's events. */
const EVENT_HEADINGS: Record<string, string> = { move: "moved on the grid", undo: "undid a move on the grid" };

const MARKS: Record<string, string> = { agree: "Agree", question: "Question it", "no-view": "No view" };
const STATES: Record<string, string> = { draft: "Draft", proposals: "Proposals open", preread: "Pre-read", live: "Live", locked: "Locked", published: "Published" };
/** Rationales and reasons are quoted up to this length in a history line (the entry shows them in full). */
const QUOTE = 160;

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";
const quote = (text: string) => `“${text.length > QUOTE ? `${text.slice(0, QUOTE - 1)}…` : text}”`;

/** A stored list of evidence ids ("[]" or a JSON array); anything else is none. */
export function storedIdList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** Evidence by its text when there are three pieces or fewer, else by count. */
function evidenceText(ids: readonly string[], context: HistoryContext): string {
  const texts = ids.map((id) => context.evidence[id]);
  if (ids.length > 3 || texts.some((text) => text === undefined)) return plural(ids.length, "# piece of evidence");
  return texts.map((text) => quote(text!)).join(", ");
}

/** One value of a field in words; null when there is none. */
export function historyValue(field: string, value: unknown, context: HistoryContext): string | null {
  const kind = FIELDS[field]?.kind ?? "plain";
  if (kind === "evidence") {
    const ids = storedIdList(value);
    return ids.length ? evidenceText(ids, context) : null;
  }
  if (isEmpty(value)) return null;
  switch (kind) {
    case "rating": {
      const point = context.scale.find((candidate) => candidate.value === value);
      return point ? `${point.label} (${point.value})` : String(value);
    }
    case "second":
      return SECOND_DIMENSION_POINTS.find((point) => point.value === value)?.label ?? String(value);
    case "outcome":
      return LEVEL_OUTCOME_LABELS[value as LevelOutcome] ?? String(value);
    case "level":
      return context.levelTitles[String(value)] ?? String(value);
    case "text":
      return quote(String(value));
    case "mark":
      return MARKS[String(value)] ?? String(value);
    case "state":
      return STATES[String(value)] ?? String(value);
    case "released":
      return value === true ? "released" : "not released";
    default:
      return String(value);
  }
}

/** The name of a field as the history says it. */
export function historyField(field: string, context: Pick<HistoryContext, "secondDimension">): string {
  const name = FIELDS[field]?.name ?? field;
  return context.secondDimension ? name.replace("second dimension", context.secondDimension.toLowerCase()) : name;
}

/**
 * Each changed field as a phrase: "proposed rating Consistent (3)" when it was not set before,
 * "final rating Consistent (3) → Exceeds (4)" when it changed, "proposed level Senior Engineer
 * removed" when it no longer has one; evidence as what was added and taken away. A reason given
 * as the event's reason is not repeated (the history shows it beside the line).
 */
export function describeChange(change: Readonly<Record<string, unknown>>, context: HistoryContext, reason: string | null = null): string[] {
  const phrases: string[] = [];
  for (const [field, pair] of Object.entries(change)) {
    const [from, to] = Array.isArray(pair) ? pair : [null, pair];
    const name = historyField(field, context);
    if (field === "finalReason" && reason !== null && to === reason) continue;
    if (!isShownField(field)) continue;
    if (FIELDS[field]?.kind === "discussion") {
      phrases.push(to === "ended" ? "meeting ended" : "opened in the meeting");
      continue;
    }
    if (FIELDS[field]?.kind === "released") {
      phrases.push(to === true ? "outcome released to the person" : "outcome withheld");
      continue;
    }
    if (FIELDS[field]?.kind === "evidence") {
      const before = new Set(storedIdList(from));
      const after = new Set(storedIdList(to));
      const added = [...after].filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !after.has(id));
      if (added.length) phrases.push(`evidence pointed to: ${evidenceText(added, context)}`);
      if (removed.length) phrases.push(`evidence no longer pointed to: ${evidenceText(removed, context)}`);
      continue;
    }
    if (field === "people") {
      phrases.push(`${plural(Number(to), "# person")} in the session`);
      continue;
    }
    const fromText = historyValue(field, from, context);
    const toText = historyValue(field, to, context);
    if (fromText === null && toText === null) continue;
    if (fromText === null) phrases.push(`${name} ${toText}`);
    else if (toText === null) phrases.push(`${name} ${fromText} removed`);
    else phrases.push(`${name} ${fromText} → ${toText}`);
  }
  return phrases;
}

/** An event's history line: its changes in words, after what the grid's events say they are ("moved on the grid: final rating …"). */
export function describeEvent(kind: string, change: Readonly<Record<string, unknown>>, context: HistoryContext, reason: string | null = null): string[] {
  const phrases = describeChange(change, context, reason);
  const heading = EVENT_HEADINGS[kind];
  if (!heading) return phrases;
  return phrases.length ? [`${heading}: ${phrases[0]}`, ...phrases.slice(1)] : [heading];
}
