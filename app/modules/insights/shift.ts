import { tQuantile, wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { belowFloor, suppressedGroups } from "~/modules/statistics/small-groups";
import { summarise } from "~/modules/statistics/summary";

/**
 * Calibration shift: how far final outcomes moved from managers' proposals, per manager across
 * every locked or published session. The shift is the final overall rating minus the proposed
 * one (negative: calibrated down). Each mean's interval is Student's t from its own shifts' spread
 * (n − 1 degrees of freedom): managers differ in how much their finals move, and everyone's spread
 * gave a manager whose finals move a lot too narrow an interval and a steady one too wide
 * (decision 042). Where a manager's shifts are all equal, their own spread of zero would give an
 * interval of zero width (decision 018 found the same of leniency), so the spread of every shift
 * in scope stands in. Beside it, how often the level outcome changed, with Wilson's interval. Pure.
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

const shiftOf = (record: ShiftRecord) => record.finalRating! - record.proposedRating!;

/** A mean shift with its interval from its own shifts' spread, or where they are all equal from the population's (`everyone`: every shift in scope). */
function meanShift(shifts: readonly number[], everyone: { n: number; sd: number }): MeanWithInterval | null {
  const own = summarise(shifts);
  const spread = own.sd > 0 ? own : everyone;
  if (!shifts.length || spread.n < 2) return null;
  const estimate = own.mean;
  const half = tQuantile(0.975, spread.n - 1) * (spread.sd / Math.sqrt(shifts.length));
  return { estimate, interval: [estimate - half, estimate + half] };
}

function figures(records: readonly ShiftRecord[], spread: { n: number; sd: number }): ShiftFigures {
  const withOutcomes = records.filter((record) => record.proposedOutcome !== null && record.finalOutcome !== null);
  return {
    n: records.length,
    sessions: new Set(records.map((record) => record.sessionId)).size,
    meanShift: meanShift(records.map(shiftOf), spread),
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
    else (byManager.get(row.managerId) ?? byManager.set(row.managerId, []).get(row.managerId)!).push(row);
  }
  const hidden = suppressedGroups<string | typeof NO_MANAGER>(
    [...[...byManager].map(([key, list]) => ({ key, n: list.length })), { key: NO_MANAGER, n: unmanaged, hidden: true }],
    totalShown ? rows.length : null,
    floor,
  );
  const spread = summarise(rows.map(shiftOf));
  const all = figures(rows, spread);
  return {
    ...(totalShown ? all : { ...all, meanShift: null, outcomeChanged: null }),
    suppressed: !totalShown,
    managers: [...byManager]
      .map(([managerId, list]): ManagerShift => {
        const suppressed = hidden.has(managerId);
        const own = figures(list, spread);
        return { managerId, suppressed, ...(suppressed ? { ...own, meanShift: null, outcomeChanged: null } : own) };
      })
      .sort((a, b) => b.n - a.n || a.managerId.localeCompare(b.managerId)),
  };
}
