import type { AuditState, AuditUnit } from "~/modules/equity/audit";

/**
 * The units of the access audits, built from what Rungs recorded (pure). Every change is dated by
 * the day Rungs learned it, and only days before `asOf` (the start of today) are read: people known
 * on one day are read together (decision 083's moments), and a reading never sees a day half done,
 * which a later reading the same day would regroup. The audits themselves are `equityAudit`'s: no
 * rate, interval or rule is computed here.
 */

export const OPPORTUNITY_STAGES = ["saw", "applied", "chosen"] as const;
export const SPONSORSHIP_STAGES = ["eligible", "sponsored"] as const;
export type AccessStage = (typeof OPPORTUNITY_STAGES)[number] | (typeof SPONSORSHIP_STAGES)[number];

/**
 * A person as the audits group them: their groups in each dimension (null: none known) from each
 * dated change on (the first from the start), so that a move to another level is a change the
 * audit batches like any other rather than a silent regrouping of figures already read.
 */
export type AuditedPerson = {
  id: string;
  createdAt: Date;
  deactivatedAt: Date | null;
  groupsSince: readonly { from: Date | null; groups: Readonly<Record<string, string | null>> }[];
  /** For a manager's audit, when the person was in their organisation (milliseconds; null ends open): outside, out of the audit. */
  inside?: readonly { since: number | null; until: number | null }[];
};

/** One person's access to one opportunity: when they first saw it, expressed interest, were chosen (null: not yet). */
export type OpportunityAccessRow = { opportunityId: string; personId: string; sawAt: Date | null; appliedAt: Date | null; chosenAt: Date | null };

/** One sponsorship of a person: from its start to the day it stopped being active (null: still active). */
export type SponsorshipSpan = { sponseeId: string; from: Date; to: Date | null };

const DAY = 24 * 60 * 60 * 1000;
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

type Entry = { at: Date; state: AuditState | null };
type StageEvent = { at: Date; stage: string | null };

const sameState = (a: AuditState | null, b: AuditState | null) => (a === null || b === null ? a === b : a.stage === b.stage && JSON.stringify(a.groups) === JSON.stringify(b.groups));

/**
 * A unit's history from its stage events (null: out of the audit) and its person's group changes:
 * at each, the stage reached so far with the groups then. Dated by the day, cut before `asOf`, the
 * last state of a day standing for it, and repeats dropped: a change that changed nothing moves no figure.
 */
function history(person: AuditedPerson, events: readonly StageEvent[], asOf: Date): Entry[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!ordered.length) return [];
  const first = ordered[0]!.at.getTime();
  const moves = person.groupsSince.flatMap((entry) => (entry.from && entry.from.getTime() > first ? [entry.from.getTime()] : []));
  // Joining or leaving a manager's organisation is a dated change too: a reading before it and one after differ by a whole batch, not by this person.
  const crossings = (person.inside ?? []).flatMap((window) => [window.since, window.until]).filter((at): at is number => at !== null && at > first);
  const insideAt = (at: number) => !person.inside || person.inside.some((window) => (window.since === null || window.since <= at) && (window.until === null || at < window.until));
  const groupsAt = (at: number) => person.groupsSince.filter((entry) => !entry.from || entry.from.getTime() <= at).at(-1)?.groups ?? {};
  const byDay = new Map<number, Entry>();
  for (const at of [...new Set([...ordered.map((event) => event.at.getTime()), ...moves, ...crossings])].sort((a, b) => a - b)) {
    const day = dayOf(new Date(at)).getTime();
    if (day >= asOf.getTime()) break;
    const stage = ordered.filter((event) => event.at.getTime() <= at).at(-1)!.stage;
    byDay.set(day, { at: new Date(day), state: stage === null || !insideAt(at) ? null : { stage, groups: groupsAt(at) } });
  }
  const kept: Entry[] = [];
  for (const entry of byDay.values()) {
    const last = kept.at(-1);
    if (last ? !sameState(last.state, entry.state) : entry.state !== null) kept.push(entry);
  }
  return kept;
}

/** The dimensions of the audits: team, track and level, then each imported attribute any audited person has. */
export function auditDimensions(people: readonly { attributes: Readonly<Record<string, string>> }[]): string[] {
  const attributes = [...new Set(people.flatMap((person) => Object.keys(person.attributes)))].sort();
  return ["team", "track", "level", ...attributes.map((name) => `attribute:${name}`)];
}

/** A unit per person and opportunity they saw: saw, applied, chosen, out of the audit once the person left. */
export function opportunityUnits(people: readonly AuditedPerson[], rows: readonly OpportunityAccessRow[], asOf: Date): AuditUnit[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  return rows.flatMap((row) => {
    const person = byId.get(row.personId);
    const saw = row.sawAt ?? row.appliedAt;
    if (!person || !saw) return [];
    const at = (stage: string, when: Date | null): StageEvent[] => (when ? [{ at: when, stage }] : []);
    const events = [...at("saw", saw), ...at("applied", row.appliedAt), ...at("chosen", row.appliedAt ? row.chosenAt : null), ...(person.deactivatedAt ? [{ at: person.deactivatedAt, stage: null }] : [])];
    const kept = history(person, events, asOf);
    return kept.length ? [{ id: `${row.opportunityId}:${row.personId}`, person: row.personId, history: kept }] : [];
  });
}

/** A unit per person: eligible from the day they joined, sponsored while any sponsorship of theirs is active, out of the audit once they left. */
export function sponsorshipUnits(people: readonly AuditedPerson[], spans: readonly SponsorshipSpan[], asOf: Date): AuditUnit[] {
  const spansOf = new Map<string, SponsorshipSpan[]>();
  for (const span of spans) (spansOf.get(span.sponseeId) ?? spansOf.set(span.sponseeId, []).get(span.sponseeId)!).push(span);
  return people.flatMap((person) => {
    const joined = dayOf(person.createdAt).getTime();
    const own = (spansOf.get(person.id) ?? []).map((span) => ({ from: dayOf(span.from).getTime(), to: span.to ? dayOf(span.to).getTime() : Infinity })).filter((span) => span.to > span.from);
    const sponsoredOn = (day: number) => own.some((span) => span.from <= day && day < span.to);
    const days = [...new Set([joined, ...own.flatMap((span) => [span.from, span.to])])].filter((day) => Number.isFinite(day) && day >= joined).sort((a, b) => a - b);
    const events: StageEvent[] = days.map((day) => ({ at: new Date(day), stage: sponsoredOn(day) ? "sponsored" : "eligible" }));
    if (person.deactivatedAt) events.push({ at: person.deactivatedAt, stage: null });
    const kept = history(person, events, asOf);
    return kept.length ? [{ id: person.id, person: person.id, history: kept }] : [];
  });
}
