import { meanInterval, wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { belowFloor, suppressedGroups } from "~/modules/statistics/small-groups";
import { summarise } from "~/modules/statistics/summary";

/**
 * Calibration shift: how far final outcomes moved from managers' proposals, per manager across
 * every locked or published session. The shift is the final overall rating minus the proposed
 * one (negative: calibrated down), with Student's t interval; beside it, how often the level
 * outcome changed, with Wilson's interval. Pure.
 */

export type ShiftRecord = {
  managerId: string | null;
  sessionId: string;
  proposedRating: number | null;
  finalRating: number | null;
  proposedOutcome: string | null;
  finalOutcome: string | null;
};

export type MeanWithInterval = { estimate: number; interval: [number, number] };

export type ShiftFigures = { n: number; sessions: number; meanShift: MeanWithInterval | null; outcomeChanged: Proportion | null };

export type ManagerShift = ShiftFigures & { managerId: string; suppressed: boolean };

export type ShiftReport = ShiftFigures & { suppressed: boolean; managers: ManagerShift[] };

/** Entries with both a proposal and a final outcome: those are the ones that could move. */
function compared(records: readonly ShiftRecord[]): ShiftRecord[] {
  return records.filter((record) => record.proposedRating !== null && record.finalRating !== null);
}

function figures(records: readonly ShiftRecord[]): ShiftFigures {
  const shifts = records.map((record) => record.finalRating! - record.proposedRating!);
  const withOutcomes = records.filter((record) => record.proposedOutcome !== null && record.finalOutcome !== null);
  return {
    n: records.length,
    sessions: new Set(records.map((record) => record.sessionId)).size,
    meanShift: meanInterval(summarise(shifts)),
    outcomeChanged: withOutcomes.length ? wilsonInterval(withOutcomes.filter((record) => record.proposedOutcome !== record.finalOutcome).length, withOutcomes.length) : null,
  };
}

const NO_MANAGER = Symbol("no manager");

/**
 * The whole population's shift, and each manager's. The total is shown, so managers are hidden
 * with their complements (suppressedGroups), entries without a manager counted among the hidden.
 */
export function calibrationShift(records: readonly ShiftRecord[], floor: number): ShiftReport {
  const rows = compared(records);
  const totalShown = !belowFloor(rows.length, floor);
  const byManager = new Map<string, ShiftRecord[]>();
  let unmanaged = 0;
  for (const row of rows) {
    if (row.managerId === null) unmanaged += 1;
    else byManager.set(row.managerId, [...(byManager.get(row.managerId) ?? []), row]);
  }
  const hidden = suppressedGroups<string | typeof NO_MANAGER>(
    [...[...byManager].map(([key, list]) => ({ key, n: list.length })), { key: NO_MANAGER, n: unmanaged, hidden: true }],
    totalShown ? rows.length : null,
    floor,
  );
  const all = figures(rows);
  return {
    ...(totalShown ? all : { ...all, meanShift: null, outcomeChanged: null }),
    suppressed: !totalShown,
    managers: [...byManager]
      .map(([managerId, list]): ManagerShift => {
        const suppressed = hidden.has(managerId);
        const own = figures(list);
        return { managerId, suppressed, ...(suppressed ? { ...own, meanShift: null, outcomeChanged: null } : own) };
      })
      .sort((a, b) => b.n - a.n || a.managerId.localeCompare(b.managerId)),
  };
}
