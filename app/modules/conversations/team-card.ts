import { compareText } from "~/utils/compare";
import type { SinceLastHeld } from "./cadence";

/**
 * What the team page's one-to-ones card shows: pure. A manager of managers may have hundreds of
 * people a level or two down, so the card leads with who most needs a one-to-one and counts the
 * rest; the whole list is one link away (`?oneToOnes=all`).
 */

/** Direct reports named before the card counts the rest. */
export const REPORTS_SHOWN = 10;
/** Managers two levels down given a line before the card counts the rest. */
export const MANAGERS_SHOWN = 10;
/** People named in one manager's line, of each kind (not set up, overdue), before it counts the rest. */
export const NAMES_PER_LINE = 5;

export type ReportLine = {
  personId: string;
  name: string;
  hasSeries: boolean;
  overdue: boolean;
  lastHeldAt: Date | null;
  lastHeld: SinceLastHeld;
  overdueActions: number | null;
};
export type BelowLine = {
  managerId: string;
  through: string;
  notSetUp: string[];
  overdue: { name: string; lastHeld: SinceLastHeld }[];
};

export type OneToOnesCard = {
  /** Direct reports, those who most need a one-to-one first. */
  reports: Omit<ReportLine, "lastHeldAt">[];
  /** Direct reports not named, and how many of them are overdue or have none set up. */
  moreReports: { people: number; overdue: number; notSetUp: number };
  /** Two levels down, one line per manager, the managers with most people waiting first. */
  below: (BelowLine & { moreNotSetUp: number; moreOverdue: number })[];
  /** Managers two levels down not given a line, and the people waiting below them. */
  moreBelow: { managers: number; people: number };
  /** Whether everything is shown (the card was asked for all). */
  all: boolean;
};

/** Overdue first, then no one-to-ones set up, then overdue actions, then longest since the last one, then by name. */
export function byNeed(a: ReportLine, b: ReportLine): number {
  const rank = (line: ReportLine) =>
    line.overdue ? 0 : !line.hasSeries ? 1 : line.overdueActions ? 2 : 3;
  const held = (line: ReportLine) => line.lastHeldAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return (
    rank(a) - rank(b) ||
    held(a) - held(b) ||
    compareText(a.name, b.name) ||
    compareText(a.personId, b.personId)
  );
}

/**
 * Which managers two levels down get a line: those with most people waiting (none set up, or
 * overdue) first, then by name; all of them when asked. The rest are counted. Over lines that carry
 * their names, or only their counts (the team page reads names for the lines it shows).
 */
export function belowShown<T extends { managerId: string; through: string }>(
  lines: readonly T[],
  waiting: (line: T) => number,
  all: boolean,
): { shown: T[]; moreBelow: OneToOnesCard["moreBelow"] } {
  const ordered = [...lines].sort(
    (a, b) =>
      waiting(b) - waiting(a) ||
      compareText(a.through, b.through) ||
      compareText(a.managerId, b.managerId),
  );
  const shown = all ? ordered : ordered.slice(0, MANAGERS_SHOWN);
  const hidden = ordered.slice(shown.length);
  return {
    shown,
    moreBelow: {
      managers: hidden.length,
      people: hidden.reduce((sum, line) => sum + waiting(line), 0),
    },
  };
}

const waiting = (line: BelowLine) => line.notSetUp.length + line.overdue.length;

/** The card from every direct report's line and every manager's line below: all of it, or the lines that most need a one-to-one. */
export function oneToOnesCard(
  reports: readonly ReportLine[],
  below: readonly BelowLine[],
  all: boolean,
): OneToOnesCard {
  const { shown, moreBelow } = belowShown(below, waiting, all);
  return cardOf(reports, shown, moreBelow, all);
}

/** The card from every direct report's line, the lines below that belowShown picked (each with all its names) and what it counted of the rest. */
export function cardOf(
  reports: readonly ReportLine[],
  shownBelow: readonly BelowLine[],
  moreBelow: OneToOnesCard["moreBelow"],
  all: boolean,
): OneToOnesCard {
  const ordered = [...reports].sort(byNeed);
  const shownReports = all ? ordered : ordered.slice(0, REPORTS_SHOWN);
  const hidden = ordered.slice(shownReports.length);
  return {
    reports: shownReports.map(({ lastHeldAt: _lastHeldAt, ...line }) => line),
    moreReports: {
      people: hidden.length,
      overdue: hidden.filter((line) => line.overdue).length,
      notSetUp: hidden.filter((line) => !line.hasSeries).length,
    },
    below: shownBelow.map((line) => {
      const names = all ? Number.POSITIVE_INFINITY : NAMES_PER_LINE;
      return {
        ...line,
        notSetUp: line.notSetUp.slice(0, names),
        overdue: line.overdue.slice(0, names),
        moreNotSetUp: Math.max(0, line.notSetUp.length - names),
        moreOverdue: Math.max(0, line.overdue.length - names),
      };
    }),
    moreBelow,
    all,
  };
}
