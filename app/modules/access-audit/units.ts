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

/** A person as the audits group them: their groups now in each dimension (null: none known). */
export type AuditedPerson = { id: string; createdAt: Date; deactivatedAt: Date | null; groups: Readonly<Record<string, string | null>> };

/** One person's access to one opportunity: when they first saw it, expressed interest, were chosen (null: not yet). */
export type OpportunityAccessRow = { opportunityId: string; personId: string; sawAt: Date | null; appliedAt: Date | null; chosenAt: Date | null };

/** One sponsorship of a person: from its start to the day it stopped being active (null: still active). */
export type SponsorshipSpan = { sponseeId: string; from: Date; to: Date | null };

const DAY = 24 * 60 * 60 * 1000;
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

type Entry = { at: Date; state: AuditState | null };

/** A history dated by the day, cut before `asOf`, with later entries of a day winning and repeats dropped: a change that changed nothing moves no figure. */
function history(entries: readonly Entry[], asOf: Date): Entry[] {
  const byDay = new Map<number, Entry>();
  for (const entry of [...entries].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const day = dayOf(entry.at);
    if (day.getTime() < asOf.getTime()) byDay.set(day.getTime(), { at: day, state: entry.state });
  }
  const kept: Entry[] = [];
  for (const entry of [...byDay.values()].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const last = kept.at(-1);
    if (last ? last.state?.stage !== entry.state?.stage : entry.state !== null) kept.push(entry);
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
    const at = (stage: string, when: Date | null): Entry[] => (when ? [{ at: when, state: { stage, groups: person.groups } }] : []);
    const entries = [...at("saw", saw), ...at("applied", row.appliedAt), ...at("chosen", row.appliedAt ? row.chosenAt : null), ...(person.deactivatedAt ? [{ at: person.deactivatedAt, state: null }] : [])];
    const kept = history(entries, asOf);
    return kept.length ? [{ id: `${row.opportunityId}:${row.personId}`, person: row.personId, history: kept }] : [];
  });
}

/** A unit per person: eligible from the day they joined, sponsored while any sponsorship of theirs is active, out of the audit once they left. */
export function sponsorshipUnits(people: readonly AuditedPerson[], spans: readonly SponsorshipSpan[], asOf: Date): AuditUnit[] {
  const spansOf = new Map<string, SponsorshipSpan[]>();
  for (const span of spans) (spansOf.get(span.sponseeId) ?? spansOf.set(span.sponseeId, []).get(span.sponseeId)!).push(span);
  return people.flatMap((person) => {
    const own = (spansOf.get(person.id) ?? []).map((span) => ({ from: dayOf(span.from).getTime(), to: span.to ? dayOf(span.to).getTime() : Infinity })).filter((span) => span.to > span.from);
    const sponsoredOn = (day: number) => own.some((span) => span.from <= day && day < span.to);
    const days = [...new Set([dayOf(person.createdAt).getTime(), ...own.flatMap((span) => [span.from, span.to])])].filter((day) => Number.isFinite(day)).sort((a, b) => a - b);
    const entries: Entry[] = days.map((day) => ({ at: new Date(day), state: { stage: sponsoredOn(day) ? "sponsored" : "eligible", groups: person.groups } }));
    if (person.deactivatedAt) entries.push({ at: person.deactivatedAt, state: null });
    const kept = history(entries.filter((entry) => entry.at.getTime() >= dayOf(person.createdAt).getTime()), asOf);
    return kept.length ? [{ id: person.id, person: person.id, history: kept }] : [];
  });
}
