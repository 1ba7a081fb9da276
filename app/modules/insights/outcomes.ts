import { wilsonInterval, type Proportion } from "~/modules/statistics/intervals";

/**
 * Promotion and outcome rates: of the people given a final level outcome in calibration, how
 * many were promoted, kept at their level or found not ready, per cycle and, within one cycle,
 * per group (team, track, level, imported attributes), each with Wilson's 95% interval. Which
 * rows show their rates is the disclosure check's to say, over every report on the same people
 * (app/modules/disclosure/outcomes.ts). Pure.
 */

export const OUTCOMES = ["promote", "stay", "not-ready"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type OutcomeRecord = {
  cycleId: string;
  outcome: Outcome;
  /** Dimension id → the person's group (null: none recorded, counted but never shown). */
  groups: Readonly<Record<string, string | null>>;
};

export type Rates = Record<Outcome, Proportion>;

/** A cycle's row: its rates, or null where the disclosure check hides it. */
export type CycleOutcomes = {
  cycleId: string;
  name: string;
  n: number;
  suppressed: boolean;
  rates: Rates | null;
};

export type GroupOutcomes = {
  value: string;
  label: string;
  n: number;
  suppressed: boolean;
  rates: Rates | null;
};

/** `smallGroupsLeftOut`: some group was below its floor and is neither named nor counted. */
export type DimensionOutcomes = {
  id: string;
  label: string;
  groups: GroupOutcomes[];
  unknown: number;
  smallGroupsLeftOut: boolean;
};

export type CycleBreakdown = {
  cycleId: string;
  name: string;
  n: number;
  suppressed: boolean;
  rates: Rates | null;
  dimensions: DimensionOutcomes[];
};

/** Which rows the disclosure check releases: a cycle's, and a group's of a dimension within a cycle; and which groups are below their floor. */
export type OutcomesShown = {
  cycle: (cycleId: string) => boolean;
  group: (cycleId: string, dimension: string, value: string) => boolean;
  small: (cycleId: string, dimension: string, value: string) => boolean;
};

function rates(records: readonly OutcomeRecord[]): Rates {
  const count = (outcome: Outcome) => records.filter((record) => record.outcome === outcome).length;
  return {
    promote: wilsonInterval(count("promote"), records.length),
    stay: wilsonInterval(count("stay"), records.length),
    "not-ready": wilsonInterval(count("not-ready"), records.length),
  };
}

/** One row per cycle, in the order given. */
export function outcomesByCycle(
  records: readonly OutcomeRecord[],
  cycles: readonly { id: string; name: string }[],
  shown: OutcomesShown,
): CycleOutcomes[] {
  return cycles.flatMap((cycle) => {
    const inCycle = records.filter((record) => record.cycleId === cycle.id);
    if (!inCycle.length) return [];
    const released = shown.cycle(cycle.id);
    return [
      {
        cycleId: cycle.id,
        name: cycle.name,
        n: inCycle.length,
        suppressed: !released,
        rates: released ? rates(inCycle) : null,
      },
    ];
  });
}

/** One cycle's rates by group (groups by id, named by `dimensions`' labels), each row where the check releases it; groups below their floor are left out. */
export function outcomesByGroup(
  records: readonly OutcomeRecord[],
  cycle: { id: string; name: string },
  dimensions: readonly { id: string; label: string; groupLabel?: (value: string) => string }[],
  shown: OutcomesShown,
): CycleBreakdown {
  const inCycle = records.filter((record) => record.cycleId === cycle.id);
  const totalShown = shown.cycle(cycle.id);
  return {
    cycleId: cycle.id,
    name: cycle.name,
    n: inCycle.length,
    suppressed: !totalShown,
    rates: totalShown ? rates(inCycle) : null,
    dimensions: dimensions.map((dimension) => {
      const byGroup = new Map<string, OutcomeRecord[]>();
      let unknown = 0;
      for (const record of inCycle) {
        const value = record.groups[dimension.id] ?? null;
        if (value === null) unknown += 1;
        else (byGroup.get(value) ?? byGroup.set(value, []).get(value)!).push(record);
      }
      const listed = [...byGroup].filter(([value]) => !shown.small(cycle.id, dimension.id, value));
      const groups = listed
        .map(([value, members]): GroupOutcomes => {
          const released = shown.group(cycle.id, dimension.id, value);
          return {
            value,
            label: dimension.groupLabel?.(value) ?? value,
            n: members.length,
            suppressed: !released,
            rates: released ? rates(members) : null,
          };
        })
        .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
      return {
        id: dimension.id,
        label: dimension.label,
        groups,
        unknown,
        smallGroupsLeftOut: listed.length < byGroup.size,
      };
    }),
  };
}
