import { wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { belowFloor, suppressedGroups } from "~/modules/statistics/small-groups";

/**
 * Promotion and outcome rates: of the people given a final level outcome in calibration, how
 * many were promoted, kept at their level or found not ready, per cycle and, within one cycle,
 * per group (team, track, level, imported attributes), each with Wilson's 95% interval. Pure.
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

export type CycleOutcomes = { cycleId: string; name: string; n: number; suppressed: boolean; rates: Rates | null };

export type GroupOutcomes = { value: string; n: number; suppressed: boolean; rates: Rates | null };

export type DimensionOutcomes = { id: string; label: string; groups: GroupOutcomes[]; unknown: number };

export type CycleBreakdown = { cycleId: string; name: string; n: number; suppressed: boolean; rates: Rates | null; dimensions: DimensionOutcomes[] };

function rates(records: readonly OutcomeRecord[]): Rates {
  const count = (outcome: Outcome) => records.filter((record) => record.outcome === outcome).length;
  return { promote: wilsonInterval(count("promote"), records.length), stay: wilsonInterval(count("stay"), records.length), "not-ready": wilsonInterval(count("not-ready"), records.length) };
}

/** One row per cycle, in the order given: each cycle is its own population, so only the floor applies. */
export function outcomesByCycle(records: readonly OutcomeRecord[], cycles: readonly { id: string; name: string }[], floor: number): CycleOutcomes[] {
  return cycles.flatMap((cycle) => {
    const inCycle = records.filter((record) => record.cycleId === cycle.id);
    if (!inCycle.length) return [];
    const suppressed = belowFloor(inCycle.length, floor);
    return [{ cycleId: cycle.id, name: cycle.name, n: inCycle.length, suppressed, rates: suppressed ? null : rates(inCycle) }];
  });
}

const UNKNOWN = Symbol("unknown");

/**
 * One cycle's rates by group. The cycle's own rates are shown beside the groups, so groups are
 * hidden with their complements (suppressedGroups with the cycle's total), the people with no
 * group counted among the hidden.
 */
export function outcomesByGroup(
  records: readonly OutcomeRecord[],
  cycle: { id: string; name: string },
  dimensions: readonly { id: string; label: string }[],
  floor: number,
): CycleBreakdown {
  const inCycle = records.filter((record) => record.cycleId === cycle.id);
  const totalShown = !belowFloor(inCycle.length, floor);
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
      const hidden = suppressedGroups<string | typeof UNKNOWN>(
        [...[...byGroup].map(([value, members]) => ({ key: value, n: members.length })), { key: UNKNOWN, n: unknown, hidden: true }],
        totalShown ? inCycle.length : null,
        floor,
      );
      const groups = [...byGroup]
        .map(([value, members]): GroupOutcomes => ({ value, n: members.length, suppressed: hidden.has(value), rates: hidden.has(value) ? null : rates(members) }))
        .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
      return { id: dimension.id, label: dimension.label, groups, unknown };
    }),
  };
}
