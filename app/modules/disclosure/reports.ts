import type { Cell } from "./check";

/**
 * Every table Rungs releases, as the disclosure check sees it: which units each row's figures are
 * about. One place lists them all, so that reports over the same people are checked together
 * (decision 060). Cell ids name the report and the row; units name what is counted, and the same
 * unit in two reports is the same person in the same cycle, so that one report's figures cannot
 * be subtracted from another's. Pure.
 */

/** A partition of some units by one dimension (team, track, level, an attribute): null for none. */
export type Grouped = { unit: string; group: string | null };

/** Each group of a dimension as a cell, and the units with no group as a withheld one (counted in totals, never shown). */
export function dimensionCells(prefix: string, units: readonly Grouped[]): Cell[] {
  const groups = new Map<string, string[]>();
  const none: string[] = [];
  for (const { unit, group } of units) {
    if (group === null) none.push(unit);
    else (groups.get(group) ?? groups.set(group, []).get(group)!).push(unit);
  }
  return [
    ...[...groups].map(([group, members]) => ({ id: `${prefix}:${group}`, members })),
    ...(none.length ? [{ id: `${prefix}:`, members: none, withheld: true }] : []),
  ];
}

/** The id of a group's cell in a dimension (the one dimensionCells gives it). */
export const groupCellId = (prefix: string, group: string) => `${prefix}:${group}`;

/**
 * A person's outcome in a cycle, as one session gave it: the unit of every calibration outcome report
 * of that cycle. A person calibrated in two sessions of a cycle has two outcomes, which may differ
 * (insights counts the later, the earlier session's report its own): two units of one person, so that
 * no report's figures less another's give their change, and every floor counts them once.
 */
export const outcomeUnit = (cycleId: string, personId: string, sessionId: string) =>
  `outcome:${cycleId}/${personId}@${sessionId}`;

/** The person an outcome unit is about. */
export const outcomePerson = (unit: string) =>
  unit.slice(unit.indexOf("/") + 1, unit.lastIndexOf("@"));

/** The people of one calibration outcome table (a cycle in insights, a session's fairness report), each with the session whose outcome it counts and their group in each dimension. */
export type OutcomePeople = readonly {
  personId: string;
  sessionId: string;
  groups: Readonly<Record<string, string | null>>;
}[];

/**
 * A table of outcomes over some people: its total and each dimension's groups. `prefix` names the
 * table (`cycle:<id>` for insights, `session:<id>` for a fairness report). With `comparisons`, each
 * group is also compared with everyone else in the table (a fairness report's differences): a
 * difference and the group's own figure give everyone else's. Everyone else is then a withheld cell:
 * never released on its own, and where they are fewer than their floor the check sees that nothing
 * released gives their figures (the table's total less the group, say).
 */
export function outcomeTableCells(
  prefix: string,
  cycleId: string,
  people: OutcomePeople,
  dimensions: readonly string[],
  comparisons = false,
): Cell[] {
  const units = people.map((person) => ({
    unit: outcomeUnit(cycleId, person.personId, person.sessionId),
    groups: person.groups,
  }));
  return [
    { id: prefix, members: units.map((person) => person.unit) },
    ...dimensions.flatMap((dimension) => {
      const groups = dimensionCells(
        `${prefix}:${dimension}`,
        units.map((person) => ({ unit: person.unit, group: person.groups[dimension] ?? null })),
      );
      if (!comparisons) return groups;
      const values = [...new Set(units.flatMap((person) => person.groups[dimension] ?? []))];
      return [
        ...groups,
        ...values.map((value) => ({
          id: restCellId(`${prefix}:${dimension}`, value),
          members: units
            .filter((person) => person.groups[dimension] !== value)
            .map((person) => person.unit),
          withheld: true,
        })),
      ];
    }),
  ];
}

/** The id of the cell of everyone in a table but a group's people (those with no group in the dimension included). */
export const restCellId = (prefix: string, group: string) => `${prefix}≠${group}`;

export const cycleTable = (cycleId: string) => `cycle:${cycleId}`;
export const sessionTable = (sessionId: string) => `session:${sessionId}`;

/** Time in level: one row per track and level, over stays (no track-wide figure is shown). */
export function timeInLevelCells(
  stays: readonly { unit: string; track: string; level: string }[],
): Cell[] {
  return dimensionCells(
    "time-in-level",
    stays.map((stay) => ({ unit: stay.unit, group: `${stay.track}/${stay.level}` })),
  );
}

/** Calibration shift: everyone, and each manager (entries without a manager withheld), over entries with a proposal and a final outcome; `table` names it (the shift as it stood after one lock has a name of its own). */
export function shiftCells(
  entries: readonly { unit: string; managerId: string | null }[],
  table = "shift",
): Cell[] {
  return [
    { id: table, members: entries.map((entry) => entry.unit) },
    ...dimensionCells(
      `${table}:manager`,
      entries.map((entry) => ({ unit: entry.unit, group: entry.managerId })),
    ),
  ];
}

/** Mentoring: the mentees compared, and the people they were compared with. */
export function mentoringCells(mentees: readonly string[], comparison: readonly string[]): Cell[] {
  return [
    { id: "mentoring:mentees", members: mentees.map((person) => `mentee:${person}`) },
    { id: "mentoring:comparison", members: comparison.map((person) => `comparison:${person}`) },
  ];
}

/** The hiring funnel: per stage, the candidates who reached it, moved on from it, were rejected at it, and are still in it. */
export function funnelCells(
  stages: readonly {
    stage: string;
    reached: readonly string[];
    movedOn: readonly string[];
    rejected: readonly string[];
    open: readonly string[];
  }[],
): Cell[] {
  return stages.flatMap((stage) =>
    (["reached", "movedOn", "rejected", "open"] as const).map((part) => ({
      id: `funnel:${stage.stage}:${part}`,
      members: stage[part].map((candidate) => `candidate:${candidate}`),
    })),
  );
}

/** An audit's table of cells (`equity/audit.ts`): everyone audited, and each dimension's groups as dimensionCells names them. */
export const auditTable = (name: string) => `audit:${name}`;
