import { releaseLockByLock, lockOrder, renamedTable } from "./by-lock";
import { belowItsFloor, type Release } from "./check";
import { cycleTable, groupCellId, outcomePerson, outcomeTableCells, sessionTable } from "./reports";

/**
 * Calibration outcomes of one cycle, as every report that shows them sees the same people: the
 * insights page's row for the cycle and its groups (over each person's outcome in the session
 * locked last), and each locked session's fairness report (over that session's people). They are
 * checked together, so what one shows cannot be subtracted from another's; whoever reads several
 * of them (an admin) gets a release made over all, and every page that shows one of them computes
 * the same. Pure.
 */

/** A final outcome in a locked or published session, with the person's groups. */
export type OutcomeEntry = {
  personId: string;
  sessionId: string;
  cycleId: string;
  team: string | null;
  trackId: string | null;
  levelId: string | null;
  attributes: Readonly<Record<string, string>>;
  /** When the session locked (its latest lock), in milliseconds; none for a session with no lock recorded. */
  lockedAt?: number | null;
};

/** The dimensions outcomes are broken down by: team, track, level and every attribute the people have. */
export function outcomeDimensions(entries: readonly Pick<OutcomeEntry, "attributes">[]): string[] {
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry.attributes)))].sort();
  return ["team", "track", "level", ...names.map((name) => `attribute:${name}`)];
}

/** A person's group in each dimension, by id (a team's name, a track's and a level's id, an attribute's value). */
export function outcomeGroups(
  entry: OutcomeEntry,
  dimensions: readonly string[],
): Record<string, string | null> {
  return Object.fromEntries(
    dimensions.map((dimension) => [
      dimension,
      dimension === "team"
        ? entry.team
        : dimension === "track"
          ? entry.trackId
          : dimension === "level"
            ? entry.levelId
            : (entry.attributes[dimension.slice("attribute:".length)] ?? null),
    ]),
  );
}

/**
 * The release of one cycle's outcome tables. `entries`: every locked or published entry of the cycle
 * the reader's reports cover, each person's entries latest first (their first is the one insights
 * counts), each with its session's lock. `sessionReports`: whether the reader also reads each
 * session's fairness report.
 *
 * A person in two sessions has an outcome from each. Where they differ, the cycle's row (the later)
 * less the earlier session's report gives their change; where they are the same, the two are one
 * figure. A reader cannot tell which, so the release holds under both: once with each session's
 * outcome a unit of its own, once with the person's outcomes as one; what either hides, the other
 * hides too, until neither hides more.
 *
 * The cycle's tables change as its sessions lock, and a reader who read them after an earlier lock
 * subtracts that reading (team A 2 of 5, then 3 of 6): the release is made lock by lock
 * (`releaseLockByLock`), each lock's cycle table a table of its own; a session's report does not
 * change once it is locked.
 */
export function cycleOutcomeRelease(
  cycleId: string,
  entries: readonly OutcomeEntry[],
  sessionReports: boolean,
  floorOf: (personId: string) => number,
): Release {
  const inCycle = entries.filter((entry) => entry.cycleId === cycleId);
  const locks = lockOrder(inCycle);
  if (!locks.length) return { shown: new Set(), sizes: new Map() };
  // Each lock's cycle table has a name of its own; the last is the table pages read.
  const momentTable = (moment: number) => `${cycleTable(cycleId)}@${locks[moment]}`;
  const lockedBy = (moment: number) => {
    const locked = new Set(locks.slice(0, moment + 1));
    return inCycle.filter((entry) => locked.has(entry.sessionId));
  };
  const modelsAt = (moment: number) => {
    const now = lockedBy(moment);
    const dimensions = outcomeDimensions(now);
    const cellsOf = (apart: boolean) => {
      const people = (list: Iterable<OutcomeEntry>, dimensionsThen: readonly string[]) =>
        [...list].map((entry) => ({
          personId: entry.personId,
          sessionId: apart ? entry.sessionId : "",
          groups: outcomeGroups(entry, dimensionsThen),
        }));
      const cycleTables = locks.slice(0, moment + 1).flatMap((_, then) => {
        const entriesThen = lockedBy(then);
        const counted = new Map<string, OutcomeEntry>();
        for (const entry of entriesThen)
          if (!counted.has(entry.personId)) counted.set(entry.personId, entry);
        const dimensionsThen = outcomeDimensions(entriesThen);
        return outcomeTableCells(
          momentTable(then),
          cycleId,
          people(counted.values(), dimensionsThen),
          dimensionsThen,
        );
      });
      // A session's report is the same after every later lock: one set of cells, under the session's name.
      const sessionTables = sessionReports
        ? locks.slice(0, moment + 1).flatMap((sessionId) =>
            outcomeTableCells(
              sessionTable(sessionId),
              cycleId,
              people(
                now.filter((entry) => entry.sessionId === sessionId),
                dimensions,
              ),
              dimensions,
              true,
            ),
          )
        : [];
      return [...cycleTables, ...sessionTables];
    };
    return [cellsOf(true), cellsOf(false)];
  };
  const release = releaseLockByLock(
    locks.length,
    modelsAt,
    (unit) => floorOf(outcomePerson(unit)),
    outcomePerson,
  );
  return renamedTable(release, momentTable(locks.length - 1), cycleTable(cycleId));
}

/**
 * What one outcome table may show: its total's figures, each group's, each group's comparison with
 * everyone else in the table (a session's fairness report), and which groups are below their floor
 * (neither named nor counted).
 */
export type OutcomeTableRelease = {
  table: boolean;
  group: (dimension: string, value: string) => boolean;
  rest: (dimension: string, value: string) => boolean;
  small: (dimension: string, value: string) => boolean;
};

/** One table's part of a release (`table`: `cycleTable(id)` or `sessionTable(id)`). */
export function outcomeTableRelease(release: Release, table: string): OutcomeTableRelease {
  return {
    table: release.shown.has(table),
    group: (dimension, value) => release.shown.has(groupCellId(`${table}:${dimension}`, value)),
    // Beside a released total, everyone else's figures are the total's less the group's: a difference tells nothing more, and the check saw to it that those are not of fewer people than their floor.
    rest: () => release.shown.has(table),
    small: (dimension, value) =>
      belowItsFloor(release, groupCellId(`${table}:${dimension}`, value)),
  };
}
