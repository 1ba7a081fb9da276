import type { AuditState, AuditUnit } from "~/modules/equity/audit";
import { isTrainingStep, qualifiedFor, type TrainingStep } from "~/modules/hiring/panels";

/**
 * The units of the access audits, built from what Rungs recorded (pure). Every change is dated by
 * the day Rungs learned it, and only days before `asOf` (the start of today) are read: people known
 * on one day are read together (decision 083's moments), and a reading never sees a day half done,
 * which a later reading the same day would regroup. The audits themselves are `equityAudit`'s: no
 * rate, interval or rule is computed here.
 */

export const OPPORTUNITY_STAGES = ["saw", "applied", "chosen"] as const;
export const SPONSORSHIP_STAGES = ["eligible", "sponsored"] as const;
export const INTERVIEWING_STAGES = ["eligible", "interviews"] as const;
export const INTERVIEWER_TRAINING_STAGES = ["eligible", "training", "qualified"] as const;
export const KEY_RESULT_STAGES = ["eligible", "keyResults"] as const;
export type AccessStage =
  | (typeof OPPORTUNITY_STAGES)[number]
  | (typeof SPONSORSHIP_STAGES)[number]
  | (typeof INTERVIEWING_STAGES)[number]
  | (typeof INTERVIEWER_TRAINING_STAGES)[number]
  | (typeof KEY_RESULT_STAGES)[number];

/** How long being on a panel counts: someone who last interviewed over a year ago is no longer asked to interview. */
export const INTERVIEWING_DAYS = 365;

/**
 * A person as the audits group them: their groups in each dimension (null: none known) from each
 * dated change on (the first from the start), so that a move to another level is a change the
 * audit batches like any other rather than a silent regrouping of figures already read.
 */
export type AuditedPerson = {
  id: string;
  createdAt: Date;
  /**
   * When the person was in the organisation (milliseconds; null ends open; `presenceSpans`): away, out
   * of the audit. A leaving and a return are dated changes, so a return adds to the batch still filling
   * and leaves the days they were away as they were read.
   */
  present: readonly { since: number | null; until: number | null }[];
  groupsSince: readonly { from: Date | null; groups: Readonly<Record<string, string | null>> }[];
  /** For a manager's audit, when the person was in their organisation (milliseconds; null ends open): outside, out of the audit. */
  inside?: readonly { since: number | null; until: number | null }[];
};

/** One person's access to one opportunity: when they first saw it, expressed interest, were chosen (null: not yet). */
export type OpportunityAccessRow = {
  opportunityId: string;
  personId: string;
  sawAt: Date | null;
  appliedAt: Date | null;
  chosenAt: Date | null;
};

/** One sponsorship of a person: from its start to the day it stopped being active (null: still active). */
export type SponsorshipSpan = { sponseeId: string; from: Date; to: Date | null };

/** A person named owner or contributor of a key result that matters, on the days from `from` to the day before `to` (its period's). */
export type KeyResultHolding = { personId: string; from: Date; to: Date };

/** A person staffed as an interviewer on a loop's panel, dated when they were staffed (a trainee's seat is not one). */
export type Staffing = { personId: string; at: Date };

/** One step of the interviewer training log: the person's step on one competency from then on. */
export type TrainingLogEntry = { personId: string; competencyId: string; step: string; at: Date };

/** The competencies an interview stage covered from `since` (its creation or last change) until `until` (its next change or removal; null: still). */
export type StageCompetencies = {
  competencyIds: readonly string[];
  since: Date;
  until: Date | null;
};

const DAY = 24 * 60 * 60 * 1000;
export const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

type Entry = { at: Date; state: AuditState | null };
type StageEvent = { at: Date; stage: string | null };

const sameState = (a: AuditState | null, b: AuditState | null) =>
  a === null || b === null
    ? a === b
    : a.stage === b.stage && JSON.stringify(a.groups) === JSON.stringify(b.groups);

/**
 * A unit's history from its stage events (null: out of the audit) and its person's group changes:
 * at each, the stage reached so far with the groups then. Dated by the day, cut before `asOf`, the
 * last state of a day standing for it, and repeats dropped: a change that changed nothing moves no figure.
 */
function history(person: AuditedPerson, events: readonly StageEvent[], asOf: Date): Entry[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!ordered.length) return [];
  const first = ordered[0]!.at.getTime();
  const moves = person.groupsSince.flatMap((entry) =>
    entry.from && entry.from.getTime() > first ? [entry.from.getTime()] : [],
  );
  // Joining or leaving a manager's organisation, or the organisation itself, is a dated change too: a reading before it and one after differ by a whole batch, not by this person.
  const crossings = [...(person.inside ?? []), ...person.present]
    .flatMap((window) => [window.since, window.until])
    .filter((at): at is number => at !== null && at > first);
  const within = (windows: readonly { since: number | null; until: number | null }[], at: number) =>
    windows.some(
      (window) =>
        (window.since === null || window.since <= at) &&
        (window.until === null || at < window.until),
    );
  const insideAt = (at: number) =>
    within(person.present, at) && (!person.inside || within(person.inside, at));
  const groupsAt = (at: number) =>
    person.groupsSince.filter((entry) => !entry.from || entry.from.getTime() <= at).at(-1)
      ?.groups ?? {};
  const byDay = new Map<number, Entry>();
  for (const at of [
    ...new Set([...ordered.map((event) => event.at.getTime()), ...moves, ...crossings]),
  ].sort((a, b) => a - b)) {
    const day = dayOf(new Date(at)).getTime();
    if (day >= asOf.getTime()) break;
    const stage = ordered.filter((event) => event.at.getTime() <= at).at(-1)!.stage;
    byDay.set(day, {
      at: new Date(day),
      state: stage === null || !insideAt(at) ? null : { stage, groups: groupsAt(at) },
    });
  }
  const kept: Entry[] = [];
  for (const entry of byDay.values()) {
    const last = kept.at(-1);
    if (last ? !sameState(last.state, entry.state) : entry.state !== null) kept.push(entry);
  }
  return kept;
}

/** The dimensions of the audits: team, track and level, then each imported attribute any audited person has. */
export function auditDimensions(
  people: readonly { attributes: Readonly<Record<string, string>> }[],
): string[] {
  const attributes = [
    ...new Set(people.flatMap((person) => Object.keys(person.attributes))),
  ].sort();
  return ["team", "track", "level", ...attributes.map((name) => `attribute:${name}`)];
}

/**
 * A unit per person (decision 092, amended by 101): they saw from the first opportunity they
 * opened, applied from their first interest and were chosen from the first time a poster chose
 * them. One person's opportunities are not independent draws (who applies to one applies to the
 * next), so counting each person once is what lets the rates, intervals and comparisons hold.
 */
export function opportunityUnits(
  people: readonly AuditedPerson[],
  rows: readonly OpportunityAccessRow[],
  asOf: Date,
): AuditUnit[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const first = (dates: readonly (Date | null)[]) =>
    dates
      .filter((date): date is Date => date !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return [...byPerson(rows)].flatMap(([personId, own]) => {
    const person = byId.get(personId);
    const saw = first(own.flatMap((row) => [row.sawAt, row.appliedAt]));
    if (!person || !saw) return [];
    const at = (stage: string, when: Date | null): StageEvent[] =>
      when ? [{ at: when, stage }] : [];
    const events = [
      ...at("saw", saw),
      ...at("applied", first(own.map((row) => row.appliedAt))),
      ...at("chosen", first(own.map((row) => (row.appliedAt ? row.chosenAt : null)))),
    ];
    const kept = history(person, events, asOf);
    return kept.length ? [{ id: personId, person: personId, history: kept }] : [];
  });
}

/**
 * A unit per person: eligible from the day they joined, at `stage` on every day some span of theirs
 * covers (from its first day to the day before its end), out of the audit while they are away: a span
 * ending after they left does not bring them back, and they come back at their return at the stage
 * their spans give then.
 */
function spanUnits(
  people: readonly AuditedPerson[],
  spansOf: ReadonlyMap<string, readonly { from: Date; to: Date | null }[]>,
  stage: AccessStage,
  asOf: Date,
): AuditUnit[] {
  return people.flatMap((person) => {
    const joined = dayOf(person.createdAt).getTime();
    const own = (spansOf.get(person.id) ?? [])
      .map((span) => ({
        from: dayOf(span.from).getTime(),
        to: span.to ? dayOf(span.to).getTime() : Infinity,
      }))
      .filter((span) => span.to > span.from);
    const coveredOn = (day: number) => own.some((span) => span.from <= day && day < span.to);
    const days = [...new Set([joined, ...own.flatMap((span) => [span.from, span.to])])]
      .filter((day) => Number.isFinite(day) && day >= joined)
      .sort((a, b) => a - b);
    const events: StageEvent[] = days.map((day) => ({
      at: new Date(day),
      stage: coveredOn(day) ? stage : "eligible",
    }));
    const kept = history(person, events, asOf);
    return kept.length ? [{ id: person.id, person: person.id, history: kept }] : [];
  });
}

export function byPerson<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const of = new Map<string, T[]>();
  for (const row of rows)
    (of.get(row.personId) ?? of.set(row.personId, []).get(row.personId)!).push(row);
  return of;
}

/** A unit per person: eligible from the day they joined, sponsored while any sponsorship of theirs is active, out of the audit while they are away. */
export function sponsorshipUnits(
  people: readonly AuditedPerson[],
  spans: readonly SponsorshipSpan[],
  asOf: Date,
): AuditUnit[] {
  return spanUnits(
    people,
    byPerson(spans.map((span) => ({ ...span, personId: span.sponseeId }))),
    "sponsored",
    asOf,
  );
}

/**
 * A unit per person: eligible from the day they joined, holding a key result that matters on every
 * day of a period in which they own or contribute to one (from the day it was written, if later),
 * out of the audit while they are away. Every active person is eligible: anyone may be named on a
 * key result.
 */
export function keyResultUnits(
  people: readonly AuditedPerson[],
  holdings: readonly KeyResultHolding[],
  asOf: Date,
): AuditUnit[] {
  return spanUnits(people, byPerson(holdings), "keyResults", asOf);
}

/**
 * A unit per person: eligible from the day they joined, interviewing from the day they were first
 * staffed on a panel until `INTERVIEWING_DAYS` after the last time, out of the audit while they are away.
 * Every active person is eligible: Rungs lets anyone active be staffed, and the organisation sets no
 * level below which people do not interview.
 */
export function interviewingUnits(
  people: readonly AuditedPerson[],
  staffings: readonly Staffing[],
  asOf: Date,
): AuditUnit[] {
  const window = INTERVIEWING_DAYS * DAY;
  const spans = new Map(
    [...byPerson(staffings)].map(([id, own]) => [
      id,
      own.map((staffing) => ({
        from: staffing.at,
        to: new Date(dayOf(staffing.at).getTime() + window),
      })),
    ]),
  );
  return spanUnits(people, spans, "interviews", asOf);
}

/**
 * A unit per person: eligible from the day they joined, in training from their first step on any
 * competency's path, qualified while qualified for at least one interview stage (every competency it
 * covers, the hiring module's rule; each version of a stage counts from the day it was created or
 * changed until its next change or removal, so that a new, edited or removed stage is a dated change
 * rather than a rewrite of earlier days), out of the audit while they are away. A step
 * back (an admin recording an earlier step) moves them back.
 */
export function interviewerTrainingUnits(
  people: readonly AuditedPerson[],
  log: readonly TrainingLogEntry[],
  stages: readonly StageCompetencies[],
  asOf: Date,
): AuditUnit[] {
  const logOf = byPerson(log);
  const covering = stages.filter((stage) => stage.competencyIds.length > 0);
  return people.flatMap((person) => {
    const own = [...(logOf.get(person.id) ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    const joined = person.createdAt.getTime();
    const trained = new Set(
      own.filter((entry) => entry.step === "qualified").map((entry) => entry.competencyId),
    );
    // Only stages whose every competency this person ever qualified on can change their stage: the others are left out of their dates.
    const theirs = covering.filter((stage) => stage.competencyIds.every((id) => trained.has(id)));
    const stageAt = (at: number): AccessStage => {
      const record: Record<string, TrainingStep> = {};
      for (const entry of own)
        if (entry.at.getTime() <= at && isTrainingStep(entry.step))
          record[entry.competencyId] = entry.step;
      if (
        theirs.some(
          (stage) =>
            stage.since.getTime() <= at &&
            (stage.until === null || at < stage.until.getTime()) &&
            qualifiedFor(record, stage.competencyIds),
        )
      )
        return "qualified";
      return Object.keys(record).length ? "training" : "eligible";
    };
    const bounds = theirs.flatMap((stage) =>
      stage.until ? [stage.since.getTime(), stage.until.getTime()] : [stage.since.getTime()],
    );
    const times = [...new Set([joined, ...own.map((entry) => entry.at.getTime()), ...bounds])]
      .filter((at) => at >= joined)
      .sort((a, b) => a - b);
    const events: StageEvent[] = times.map((at) => ({ at: new Date(at), stage: stageAt(at) }));
    const kept = history(person, events, asOf);
    return kept.length ? [{ id: person.id, person: person.id, history: kept }] : [];
  });
}
