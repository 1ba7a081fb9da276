import { tQuantile, wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { lockOrder, releaseLockByLock, renamedTable } from "~/modules/disclosure/by-lock";
import { groupCellId, shiftCells } from "~/modules/disclosure/reports";
import { summarise } from "~/modules/statistics/summary";

/**
 * Calibration shift: how far final outcomes moved from managers' proposals, per manager across
 * every locked or published session. The shift is the final overall rating minus the proposed
 * one (negative: calibrated down). Each mean's interval is Student's t from its own shifts' spread
 * (n − 1 degrees of freedom): managers differ in how much their finals move, and everyone's spread
 * gave a manager whose finals move a lot too narrow an interval and a steady one too wide
 * (decision 042). Where a manager's shifts are all equal, their own spread of zero would give an
 * interval of zero width (decision 018 found the same of leniency), so the spread of every shift
 * in scope stands in. Beside it, how often the level outcome changed, with Wilson's interval, over
 * the same entries: every figure of a row rests on its n, so no interval's width tells of another
 * count. Pure.
 */

export type ShiftRecord = {
  personId: string;
  managerId: string | null;
  sessionId: string;
  proposedRating: number | null;
  finalRating: number | null;
  proposedOutcome: string | null;
  finalOutcome: string | null;
  /** When the session locked, in milliseconds; none for a session with no lock recorded. */
  lockedAt?: number | null;
};

export type MeanWithInterval = { estimate: number; interval: [number, number] };

/** A row's figures; all null when the disclosure check hides it (its size in the check is its people: one person calibrated in four cycles is one). */
export type ShiftFigures = {
  n: number;
  sessions: number | null;
  meanShift: MeanWithInterval | null;
  outcomeChanged: Proportion | null;
};

export type ManagerShift = ShiftFigures & { managerId: string; suppressed: boolean };

export type ShiftReport = ShiftFigures & { suppressed: boolean; managers: ManagerShift[] };

/** Entries with a proposal and a final outcome, each with its rating and level outcome: those are the ones that could move. */
function compared(records: readonly ShiftRecord[]): ShiftRecord[] {
  return records.filter(
    (record) =>
      record.proposedRating !== null &&
      record.finalRating !== null &&
      record.proposedOutcome !== null &&
      record.finalOutcome !== null,
  );
}

const shiftOf = (record: ShiftRecord) => record.finalRating! - record.proposedRating!;

/** A mean shift with its interval from its own shifts' spread, or where they are all equal from the population's (`everyone`: every shift in scope). */
function meanShift(
  shifts: readonly number[],
  everyone: { n: number; sd: number },
): MeanWithInterval | null {
  const own = summarise(shifts);
  const spread = own.sd > 0 ? own : everyone;
  if (!shifts.length || spread.n < 2) return null;
  const estimate = own.mean;
  const half = tQuantile(0.975, spread.n - 1) * (spread.sd / Math.sqrt(shifts.length));
  return { estimate, interval: [estimate - half, estimate + half] };
}

function figures(
  records: readonly ShiftRecord[],
  spread: { n: number; sd: number },
  shown: boolean,
): ShiftFigures {
  if (!shown) return { n: records.length, sessions: null, meanShift: null, outcomeChanged: null };
  return {
    n: records.length,
    sessions: new Set(records.map((record) => record.sessionId)).size,
    meanShift: meanShift(records.map(shiftOf), spread),
    outcomeChanged: records.length
      ? wilsonInterval(
          records.filter((record) => record.proposedOutcome !== record.finalOutcome).length,
          records.length,
        )
      : null,
  };
}

/** An entry: a person in a session. */
const unitOf = (record: ShiftRecord) => `${record.sessionId}/${record.personId}`;

/**
 * The whole population's shift, and each manager's, released by the disclosure check (everyone
 * beside each manager, entries without a manager withheld), each entry under its person's floor.
 */
export function calibrationShift(
  records: readonly ShiftRecord[],
  floorOf: (personId: string) => number,
): ShiftReport {
  const rows = compared(records);
  const byManager = new Map<string, ShiftRecord[]>();
  for (const row of rows)
    if (row.managerId !== null)
      (byManager.get(row.managerId) ?? byManager.set(row.managerId, []).get(row.managerId)!).push(
        row,
      );
  const personOf = new Map(rows.map((row) => [unitOf(row), row.personId]));
  // The shift grows with every session that locks: released lock by lock, so two readings never give the entries one lock added (decision 076).
  const locks = lockOrder(rows);
  const momentTable = (moment: number) => `shift@${locks[moment]}`;
  const modelsAt = (moment: number) => [
    locks.slice(0, moment + 1).flatMap((_, then) => {
      const locked = new Set(locks.slice(0, then + 1));
      return shiftCells(
        rows
          .filter((row) => locked.has(row.sessionId))
          .map((row) => ({ unit: unitOf(row), managerId: row.managerId })),
        momentTable(then),
      );
    }),
  ];
  const release = locks.length
    ? renamedTable(
        releaseLockByLock(
          locks.length,
          modelsAt,
          (unit) => floorOf(personOf.get(unit)!),
          (unit) => personOf.get(unit)!,
        ),
        momentTable(locks.length - 1),
        "shift",
      )
    : { shown: new Set<string>() };
  const spread = summarise(rows.map(shiftOf));
  const totalShown = release.shown.has("shift");
  return {
    ...figures(rows, spread, totalShown),
    suppressed: !totalShown,
    managers: [...byManager]
      .map(([managerId, list]): ManagerShift => {
        const shown = release.shown.has(groupCellId("shift:manager", managerId));
        return { managerId, suppressed: !shown, ...figures(list, spread, shown) };
      })
      .sort((a, b) => b.n - a.n || a.managerId.localeCompare(b.managerId)),
  };
}
