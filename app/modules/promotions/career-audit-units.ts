import { largest } from "~/utils/extremes";
import type { Audit, AuditState, AuditUnit } from "~/modules/equity/audit";
import type { LevelStay } from "~/modules/insights/time-in-level";
import type { Inside } from "~/modules/people/line-over-time";

/**
 * The units of the promotion audit's two further questions (pure; decision 093): how soon people are
 * promoted after reaching their level, and how calibration's nine-box places them on performance and
 * on the session's second dimension (potential). Both are proportions, so that every figure is
 * `equityAudit`'s (rates, intervals, the four-fifths rule and the disclosure check over time): no
 * median, which one person moves, and no figure computed here but the gap between two shown shares.
 *
 * **Time to promotion.** One unit per stay at a track and level whose beginning is known, in two
 * funnels: "a year at the level → promoted within it" and the same over two years. A stay joins a
 * funnel on the day its months have elapsed since it began (or, if later, the day Rungs learned of
 * the stay or of a correction of the day it began), at its final stage then: promoted if a promotion
 * ended it by that day, else still at the level. A stay that ended another way before (a move
 * sideways, down, another track, leaving) never joins: the person did not spend those months at the
 * level. So a stay's unit has one dated entry and never moves again, and a reading before and after a
 * group's mark differs by the whole batch that reached it, never by one person promoted in between.
 * Team and attributes are the person's on the day the stay joined; track and level the stay's own.
 *
 * **The nine-box.** One unit per person and cycle calibrated in a locked or published session that
 * collects a second dimension, counted in the session locked last (insights' rule, decision 075) and
 * dated at its lock, with the groups kept at the lock: placed (a rating on the session's scale and a
 * second-dimension value), placed high on performance (the top third of the scale), placed high on
 * the second dimension. Someone the session did not place is out of both funnels.
 */

export const WITHIN_YEAR_STAGES = ["yearAtLevel", "promotedWithinYear"] as const;
export const WITHIN_TWO_YEARS_STAGES = ["twoYearsAtLevel", "promotedWithinTwoYears"] as const;
export const HIGH_PERFORMANCE_STAGES = ["placed", "highPerformance"] as const;
export const HIGH_POTENTIAL_STAGES = ["placed", "highPotential"] as const;
export type CareerAuditStage =
  | (typeof WITHIN_YEAR_STAGES)[number]
  | (typeof WITHIN_TWO_YEARS_STAGES)[number]
  | (typeof HIGH_PERFORMANCE_STAGES)[number]
  | (typeof HIGH_POTENTIAL_STAGES)[number];

export const TIME_TO_PROMOTION = [
  { id: "withinYear", months: 12, stages: WITHIN_YEAR_STAGES },
  { id: "withinTwoYears", months: 24, stages: WITHIN_TWO_YEARS_STAGES },
] as const;

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (at: number) => Math.floor(at / DAY) * DAY;

/** The same day `months` calendar months later (UTC), the month's last day where it is shorter. */
export function monthsAfter(at: number, months: number): number {
  const date = new Date(at);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const length = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return (
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), length)) +
    (at - dayOf(at))
  );
}

/** A person's stays and groups over time, as the time-to-promotion funnels read them. */
export type TenurePerson = {
  id: string;
  stays: readonly LevelStay[];
  /** When Rungs learned that a stay began on another day than it held (milliseconds). */
  corrections: readonly number[];
  /** Team and attributes from each dated change on (`groupsOverTime`), the first from the start. */
  groupsSince: readonly { from: Date | null; groups: Readonly<Record<string, string | null>> }[];
  /** For a manager's audit, when the person was in their organisation; absent: always. */
  inside?: readonly Inside[];
};

const insideAt = (person: TenurePerson, at: number) =>
  !person.inside ||
  person.inside.some(
    (span) => (span.since === null || span.since <= at) && (span.until === null || at < span.until),
  );
const groupsAt = (person: TenurePerson, at: number) =>
  person.groupsSince.filter((entry) => !entry.from || entry.from.getTime() <= at).at(-1)?.groups ??
  {};

/** The units of one time-to-promotion funnel: each stay whose `months` have elapsed, dated the day they did, read up to `asOf`. */
export function timeToPromotionUnits(
  people: readonly TenurePerson[],
  months: number,
  stages: readonly [string, string],
  asOf: Date,
): AuditUnit[] {
  return people.flatMap((person) =>
    person.stays.flatMap((stay): AuditUnit[] => {
      if (stay.began === null) return [];
      const mark = monthsAfter(stay.began, months);
      const promoted = stay.promoted && stay.endedAt !== null && stay.endedAt <= mark;
      if (!promoted && stay.endedAt !== null && stay.endedAt < mark) return [];
      const corrected = person.corrections.filter(
        (at) => at >= stay.seenAt && (stay.endedAt === null || at <= stay.endedAt),
      );
      const joined = largest(corrected, Math.max(mark, stay.seenAt));
      const day = dayOf(joined);
      if (day >= asOf.getTime() || !insideAt(person, joined)) return [];
      const state: AuditState = {
        stage: promoted ? stages[1] : stages[0],
        groups: { ...groupsAt(person, joined), track: stay.track, level: stay.level },
      };
      return [
        {
          id: `${person.id}:${stay.track}:${stay.level}:${stay.seenAt}`,
          person: person.id,
          history: [{ at: new Date(day), state }],
        },
      ];
    }),
  );
}

/** A person's final placement in one locked session on a nine-box, with the groups kept at its lock. */
export type NineBoxOutcome = {
  personId: string;
  cycleId: string;
  sessionId: string;
  lockedAt: number;
  /** The overall rating's third of the session's scale (3 high); null when not on it or not given. */
  band: 1 | 2 | 3 | null;
  /** The second dimension (1 low, 2 medium, 3 high); null when not given. */
  second: number | null;
  groups: Readonly<Record<string, string | null>>;
};

/**
 * The units of both nine-box funnels: one per person and cycle, from each lock of a session they
 * were in, the later lock counting (ties by the session's id, the greater later, as insights orders
 * them), out of the funnels where that session did not place them. Days from `asOf` on are not read.
 */
export function nineBoxUnits(
  outcomes: readonly NineBoxOutcome[],
  asOf: Date,
): { performance: AuditUnit[]; potential: AuditUnit[] } {
  const byPersonCycle = new Map<string, NineBoxOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.cycleId}:${outcome.personId}`;
    (byPersonCycle.get(key) ?? byPersonCycle.set(key, []).get(key)!).push(outcome);
  }
  const units = { performance: [] as AuditUnit[], potential: [] as AuditUnit[] };
  for (const [id, own] of byPersonCycle) {
    const ordered = [...own].sort(
      (a, b) =>
        a.lockedAt - b.lockedAt ||
        (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0),
    );
    for (const [funnel, stages, high] of [
      ["performance", HIGH_PERFORMANCE_STAGES, (outcome: NineBoxOutcome) => outcome.band === 3],
      ["potential", HIGH_POTENTIAL_STAGES, (outcome: NineBoxOutcome) => outcome.second === 3],
    ] as const) {
      const byDay = new Map<number, AuditState | null>();
      for (const outcome of ordered) {
        const day = dayOf(outcome.lockedAt);
        if (day >= asOf.getTime()) break;
        const placed =
          outcome.band !== null && outcome.second !== null && [1, 2, 3].includes(outcome.second);
        byDay.set(
          day,
          placed ? { stage: high(outcome) ? stages[1] : stages[0], groups: outcome.groups } : null,
        );
      }
      const history = [...byDay].map(([day, state]) => ({ at: new Date(day), state }));
      while (history.length && history[0]!.state === null) history.shift();
      if (history.length) units[funnel].push({ id, person: own[0]!.personId, history });
    }
  }
  return units;
}

/** The gap between the share placed high on performance and the share placed high on potential: null unless both are shown. */
export type NineBoxGap = { performance: number; potential: number; gap: number } | null;

const shareOf = (steps: readonly { rate: { estimate: number } | null }[] | null) =>
  steps?.[0]?.rate?.estimate ?? null;

function gapOf(performance: number | null, potential: number | null): NineBoxGap {
  return performance === null || potential === null
    ? null
    : { performance, potential, gap: performance - potential };
}

/** Each group's gap, where both audits show the group (each figure the equity audit's, each checked): everyone's, then by dimension. */
export function nineBoxGaps(
  performance: Audit,
  potential: Audit,
): {
  total: NineBoxGap;
  dimensions: { id: string; groups: { value: string; gap: NineBoxGap }[] }[];
} {
  return {
    total: gapOf(shareOf(performance.total.steps), shareOf(potential.total.steps)),
    dimensions: performance.dimensions.map((dimension) => {
      const other = potential.dimensions.find((candidate) => candidate.id === dimension.id);
      return {
        id: dimension.id,
        groups: dimension.groups.flatMap((group) => {
          const match = other?.groups.find((candidate) => candidate.value === group.value);
          return match
            ? [{ value: group.value, gap: gapOf(shareOf(group.steps), shareOf(match.steps)) }]
            : [];
        }),
      };
    }),
  };
}
