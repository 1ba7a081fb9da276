import type { Message } from "~/i18n/messages";

/**
 * A calibration event's change ({ field: [from, to] }, as stored) as messages (`calibration:history.*`),
 * worded in the reader's language where they are shown: ratings by their scale point's label, levels
 * by title, evidence by its text (or how many pieces), outcomes and marks as the forms say them. Used
 * by the entry's history and the history export alike.
 */

export type HistoryContext = {
  /** The session's rating scale, to word a rating as its value and label. */
  scale: readonly { value: number; label: string }[];
  /** What the session calls its second dimension (Potential…), when it collects one. */
  secondDimension: string | null;
  levelTitles: Readonly<Record<string, string>>;
  /** Evidence of the person's reviews by id: its text. */
  evidence: Readonly<Record<string, string>>;
};

type Kind =
  | "rating"
  | "second"
  | "outcome"
  | "level"
  | "evidence"
  | "text"
  | "mark"
  | "released"
  | "state"
  | "discussion"
  | "hidden"
  | "plain";

/** Each stored field and how its values are said; its name is `calibration:history.field.<field>`. */
const FIELDS: Record<string, Kind> = {
  proposedRating: "rating",
  proposedOutcome: "outcome",
  proposedLevelId: "level",
  proposedSecond: "second",
  proposedEvidence: "evidence",
  rationale: "text",
  finalRating: "rating",
  finalOutcome: "outcome",
  finalLevelId: "level",
  finalSecond: "second",
  finalReason: "text",
  rating: "rating",
  mark: "mark",
  released: "released",
  level: "level",
  state: "state",
  calibrator: "plain",
  people: "plain",
  promotionsEffectiveOn: "plain",
  meeting: "plain",
  meetingNotes: "text",
  discussion: "discussion",
  // What an undo reverses, and the groups the session was fixed with: kept for the record, not said.
  undoes: "hidden",
  groupsAtLock: "hidden",
};

export const isShownField = (field: string) => FIELDS[field] !== "hidden";

const CODED = new Set<Kind | undefined>([
  "rating",
  "outcome",
  "level",
  "second",
  "evidence",
  "mark",
  "released",
  "state",
]);
/** Whether a field's stored values are codes (scale values, ids, states): the same in every language, unlike what they say. */
export const isCodedField = (field: string) => CODED.has(FIELDS[field]);

/** The grid's events, said before their first change ("moved on the grid: final rating …"). */
const EVENT_HEADINGS: Record<string, string> = { move: "moved", undo: "undone" };
/** Rationales and reasons are quoted up to this length in a history line (the entry shows them in full). */
const QUOTE = 160;

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";
const say = (key: string, values?: Message["values"]): Message =>
  values ? { key: `calibration:${key}`, values } : { key: `calibration:${key}` };
const quote = (text: string): Message =>
  say("history.quote", { text: text.length > QUOTE ? `${text.slice(0, QUOTE - 1)}…` : text });

/** A stored list of evidence ids ("[]" or a JSON array); anything else is none. */
export function storedIdList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === "string")
      : [];
  } catch {
    return [];
  }
}

/** Evidence by its text when there are three pieces or fewer, else by count. */
function evidenceText(ids: readonly string[], context: HistoryContext): Message {
  const texts = ids.map((id) => context.evidence[id]);
  if (ids.length > 3 || texts.some((text) => text === undefined))
    return say("history.evidenceCount", { count: ids.length });
  const [a, b, c] = texts.map((text) => quote(text!));
  return say(`history.quotes${texts.length}`, { a: a!, ...(b ? { b } : {}), ...(c ? { c } : {}) });
}

/** One value of a field as a message (or the stored text itself, for names and dates); null when there is none. */
export function historyValue(
  field: string,
  value: unknown,
  context: HistoryContext,
): Message | string | null {
  const kind = FIELDS[field] ?? "plain";
  if (kind === "evidence") {
    const ids = storedIdList(value);
    return ids.length ? evidenceText(ids, context) : null;
  }
  if (isEmpty(value)) return null;
  switch (kind) {
    case "rating": {
      const point = context.scale.find((candidate) => candidate.value === value);
      return point
        ? say("history.rating", { label: point.label, value: point.value })
        : String(value);
    }
    case "second":
      return [1, 2, 3].includes(value as number) ? say(`second.${String(value)}`) : String(value);
    case "outcome":
      return ["stay", "promote", "not-ready"].includes(String(value))
        ? say(`levelOutcome.${String(value)}`)
        : String(value);
    case "level":
      return context.levelTitles[String(value)] ?? String(value);
    case "text":
      return quote(String(value));
    case "mark":
      return ["agree", "question", "no-view"].includes(String(value))
        ? say(`mark.${String(value)}`)
        : String(value);
    case "state":
      return ["draft", "proposals", "preread", "live", "locked", "published"].includes(
        String(value),
      )
        ? say(`state.${String(value)}`)
        : String(value);
    case "released":
      return say(value === true ? "history.released" : "history.notReleased");
    default:
      return String(value);
  }
}

/** The name of a field as the history says it (the session's own name for its second dimension). */
export function historyField(
  field: string,
  context: Pick<HistoryContext, "secondDimension">,
): Message {
  if (FIELDS[field] === "second" && context.secondDimension)
    return say(`history.field.${field}Named`, { dimension: context.secondDimension });
  return FIELDS[field] ? say(`history.field.${field}`) : say("history.field.other", { field });
}

/**
 * Each changed field as a phrase: "proposed rating Consistent (3)" when it was not set before,
 * "final rating Consistent (3) → Exceeds (4)" when it changed, "proposed level Senior Engineer
 * removed" when it no longer has one; evidence as what was added and taken away. A reason given
 * as the event's reason is not repeated (the history shows it beside the line).
 */
export function describeChange(
  change: Readonly<Record<string, unknown>>,
  context: HistoryContext,
  reason: string | null = null,
): Message[] {
  const phrases: Message[] = [];
  for (const [field, pair] of Object.entries(change)) {
    const [from, to] = Array.isArray(pair) ? pair : [null, pair];
    if (field === "finalReason" && reason !== null && to === reason) continue;
    if (!isShownField(field)) continue;
    if (FIELDS[field] === "discussion") {
      phrases.push(say(to === "ended" ? "history.meetingEnded" : "history.meetingOpened"));
      continue;
    }
    if (FIELDS[field] === "released") {
      phrases.push(say(to === true ? "history.outcomeReleased" : "history.outcomeWithheld"));
      continue;
    }
    if (FIELDS[field] === "evidence") {
      const before = new Set(storedIdList(from));
      const after = new Set(storedIdList(to));
      const added = [...after].filter((id) => !before.has(id));
      const removed = [...before].filter((id) => !after.has(id));
      if (added.length)
        phrases.push(say("history.evidenceAdded", { list: evidenceText(added, context) }));
      if (removed.length)
        phrases.push(say("history.evidenceRemoved", { list: evidenceText(removed, context) }));
      continue;
    }
    if (field === "people") {
      phrases.push(say("history.people", { count: Number(to) }));
      continue;
    }
    const name = historyField(field, context);
    const fromText = historyValue(field, from, context);
    const toText = historyValue(field, to, context);
    if (fromText === null && toText === null) continue;
    if (fromText === null) phrases.push(say("history.set", { field: name, value: toText! }));
    else if (toText === null)
      phrases.push(say("history.removed", { field: name, value: fromText }));
    else phrases.push(say("history.changed", { field: name, from: fromText, to: toText }));
  }
  return phrases;
}

/** An event's history line: its changes as messages, after what the grid's events say they are ("moved on the grid: final rating …"). */
export function describeEvent(
  kind: string,
  change: Readonly<Record<string, unknown>>,
  context: HistoryContext,
  reason: string | null = null,
): Message[] {
  const phrases = describeChange(change, context, reason);
  const heading = EVENT_HEADINGS[kind];
  if (!heading) return phrases;
  return phrases.length
    ? [say(`history.${heading}With`, { phrase: phrases[0]! }), ...phrases.slice(1)]
    : [say(`history.${heading}`)];
}
