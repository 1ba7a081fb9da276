import { releaseLockByLock } from "~/modules/disclosure/by-lock";
import {
  belowItsFloor,
  releasedBatches,
  shownCount,
  type Cell,
  type Contribution,
  type Release,
} from "~/modules/disclosure/check";
import { floorsFrom } from "~/modules/disclosure/floor";
import { auditTable } from "~/modules/disclosure/reports";
import {
  fourFifthsRule,
  type Adjustment,
  type Counts,
  type ImpactRatio,
} from "~/modules/statistics/adverse-impact";
import { wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { levelLabel, trackLabel, type Ladder } from "~/modules/ladders";
import { largest } from "~/utils/extremes";

/**
 * The equity audit of a funnel by group (decision 083): who among the eligible was nominated and
 * who of them promoted; who saw an opportunity (stretch work, a sponsor, an interview panel), who
 * applied and who was chosen. Per dimension (team, track, level, an imported attribute) and group:
 * at each step, how many were there and how many went on, the rate with Wilson's interval, the
 * ratio to the highest rate shown with Katz's interval and Fisher's exact test, and the four-fifths
 * rule where the evidence supports it (statistics/adverse-impact.ts decides it, over every
 * comparison the audit shows). One implementation for promotions and for access alike. Pure.
 *
 * Every figure goes through the one disclosure check (decision 060), over time as well (075, 076):
 * - each group's figures stand at its own latest batch: they move only once the floor's worth of
 *   different people joined it, left it or moved on a stage in it since they last moved;
 * - the groups as they stood at every earlier batch are cells of the check beside today's, released
 *   lock by lock (`releaseLockByLock`): what a reader read stays shown, what was hidden stays hidden
 *   until its group moves again, and a figure that the difference of two readings, or of one group
 *   and others, would give for fewer than the floor is hidden (complementary suppression, the
 *   check's own);
 * - a hidden group shows nothing measured (not even its n), a group below its floor is neither named
 *   nor counted, and comparisons are made between shown groups only, so that no ratio or p-value
 *   says more than the figures beside it.
 */

/** Where a unit stands: the furthest stage it reached, and its group in each dimension (null: none known, counted in the total only). */
export type AuditState = { stage: string; groups: Readonly<Record<string, string | null>> };

/**
 * One unit of the audit (a person, or a person's eligibility in one cycle), with what Rungs knew of
 * it over time: each state dated when Rungs learned it (not when it took effect, or a late entry
 * would regroup figures already read), null once it is out of the audit (left, no longer eligible).
 * A unit with no history before now passes one entry.
 */
export type AuditUnit = {
  id: string;
  person?: string;
  history: readonly { at: Date; state: AuditState | null }[];
};

export type AuditSpec = {
  /** Names the audit's cells in the check: two audits over the same people must have different names. */
  name: string;
  /** The funnel's stages in order (eligible, nominated, promoted): every unit is in the first. */
  stages: readonly string[];
  /** The dimensions groups are taken by, as the units' `groups` name them. */
  dimensions: readonly string[];
  adjustment?: Adjustment;
  alpha?: number;
};

/**
 * A step of the funnel: of those who reached `from`, how many reached `to` (decision 105). `n` is null
 * where how many reached `from` is not shown exactly; `successes` is null where how many reached `to`
 * is not, and then `band` gives the counts it lies in, if any is shown. A rate (and any comparison)
 * only where both are exact.
 */
export type AuditRate = {
  from: string;
  to: string;
  n: number | null;
  successes: number | null;
  band: { low: number; high: number } | null;
  rate: Proportion | null;
};

/** A group's step against the highest rate shown in its dimension at that step. */
export type AuditImpact = {
  /** The group with the highest rate (the reference). */
  reference: string;
  ratio: ImpactRatio | null;
  pValue: number;
  adjustedP: number;
  flagged: boolean;
};

/** `impact`: null for the reference itself and where no group could be compared. */
export type AuditStep = AuditRate & { highest: boolean; impact: AuditImpact | null };

/** `steps`: null where the check hides the group's figures. */
export type AuditGroup = { value: string; shown: boolean; steps: AuditStep[] | null };

/** `smallGroupsLeftOut`: some group is below its floor, or has had fewer than the floor's worth of people in it so far: neither named nor counted. */
export type AuditDimension = { id: string; groups: AuditGroup[]; smallGroupsLeftOut: boolean };

export type Audit = {
  /** Everyone audited; steps null where hidden, and before the first batch of the floor's worth of people. */
  total: { shown: boolean; steps: AuditRate[] | null };
  dimensions: AuditDimension[];
  /** How many comparisons the adjustment was made over. */
  comparisons: number;
  adjustment: Adjustment;
};

/** How many of a cell reached a stage, as shown: exactly, as a band, or neither. */
type Reached = { count?: number; band?: { low: number; high: number } };

/** The steps of a funnel: each stage to the next, and the first to the last where there are more than two. */
function stepsOf(stages: readonly string[]): [number, number][] {
  const steps = stages.slice(1).map((_, index): [number, number] => [index, index + 1]);
  return stages.length > 2 ? [...steps, [0, stages.length - 1]] : steps;
}

/** The steps an audit of these stages shows, by name, in its order (a page's columns). */
export function funnelSteps(stages: readonly string[]): { from: string; to: string }[] {
  return stepsOf(stages).map(([from, to]) => ({ from: stages[from]!, to: stages[to]! }));
}

/** An audit as a page shows it: each listed group with the words it is shown by. */
export type LabelledAudit = Omit<Audit, "dimensions"> & {
  dimensions: (Omit<AuditDimension, "groups"> & { groups: (AuditGroup & { label: string })[] })[];
};

/** How many groups of one dimension a page lists before it counts the rest: a company's hundreds of teams would bury the few with a rate. */
export const GROUPS_LISTED = 20;

export type ListedAudit = Omit<LabelledAudit, "dimensions"> & {
  dimensions: (LabelledAudit["dimensions"][number] & { unlisted: number })[];
};

/**
 * An audit as a page lists it: a dimension of more than GROUPS_LISTED groups lists that many, those
 * below four-fifths first, then those with a rate, then the rest (each in the audit's order, shown in
 * it), and counts the others in `unlisted`; `all` names the one dimension listed whole. Every figure,
 * the comparisons among them, is the audit's own: a group left out of the list is only not listed.
 */
export function listedAudit(audit: LabelledAudit, all: string | null): ListedAudit {
  return {
    ...audit,
    dimensions: audit.dimensions.map((dimension) =>
      dimension.id === all || dimension.groups.length <= GROUPS_LISTED
        ? { ...dimension, unlisted: 0 }
        : { ...dimension, ...listedGroups(dimension) },
    ),
  };
}

type LabelledDimension = LabelledAudit["dimensions"][number];

/**
 * A long dimension's list, kept with the dimension: a kept view's audits are listed again for every
 * request, and sorting a company's thousands of teams each time made the audits' pages grow with the
 * organisation. A dimension is never changed once built, so its list is the same each time.
 */
const lists = new WeakMap<
  LabelledDimension,
  Pick<ListedAudit["dimensions"][number], "groups" | "unlisted">
>();

function listedGroups(dimension: LabelledDimension) {
  const known = lists.get(dimension);
  if (known) return known;
  const priority = (group: AuditGroup) =>
    group.steps?.some((step) => step.impact?.flagged)
      ? 0
      : group.steps?.some((step) => step.rate)
        ? 1
        : 2;
  const kept = new Set(
    dimension.groups
      .map((group) => ({ group, priority: priority(group) }))
      // A stable sort: each priority in the audit's order.
      .sort((a, b) => a.priority - b.priority)
      .slice(0, GROUPS_LISTED)
      .map(({ group }) => group),
  );
  const listed = {
    groups: dimension.groups.filter((group) => kept.has(group)),
    unlisted: dimension.groups.length - kept.size,
  };
  lists.set(dimension, listed);
  return listed;
}

/** A page's audits as it lists them (listedAudit), each first read as `read` says. */
export function listedAudits<Entry extends { audit: LabelledAudit }>(
  entries: readonly Entry[],
  all: string | null | undefined,
  read: (audit: LabelledAudit) => LabelledAudit = (audit) => audit,
) {
  return entries.map((entry) => ({ ...entry, audit: listedAudit(read(entry.audit), all ?? null) }));
}

/** A group's words: a track or level by its ladder's name, a team or an attribute as written. */
export function groupLabel(ladders: readonly Ladder[], dimension: string, value: string): string {
  return (
    (dimension === "track"
      ? trackLabel(ladders, value)
      : dimension === "level"
        ? levelLabel(ladders, value)
        : null) ?? value
  );
}

/**
 * Names each group of an audit (`groupLabel`). `baseOf` says which dimension a derived one is named as (a promotion window's own track
 * is named as tracks are); `other` names the groups of dimensions only its caller knows.
 */
export function labelledAudit(
  audit: Audit,
  ladders: readonly Ladder[],
  names: {
    baseOf?: (dimension: string) => string;
    other?: (base: string, value: string) => string | undefined;
  } = {},
): LabelledAudit {
  const label = (base: string, value: string) =>
    names.other?.(base, value) ?? groupLabel(ladders, base, value);
  return {
    ...audit,
    dimensions: audit.dimensions.map((dimension) => {
      const base = names.baseOf?.(dimension.id) ?? dimension.id;
      return {
        ...dimension,
        groups: dimension.groups.map((group) => ({ ...group, label: label(base, group.value) })),
      };
    }),
  };
}

/**
 * How an audit releases its figures. By default each group at its own latest batch (decision 105).
 * `releasedAt`: every row as it stood at each of these moments instead (decision 122), the last the
 * one shown; `withheld`: figures the bounded reader's check keeps back, each `row|stage` (a row as
 * `""` or `dimension:group`, a stage by its index).
 */
export type AuditRelease = { releasedAt?: readonly Date[]; withheld?: ReadonlySet<string> };

export function equityAudit(
  spec: AuditSpec,
  units: readonly AuditUnit[],
  floorOf: (person: string) => number,
  options: AuditRelease = {},
): Audit {
  const adjustment = spec.adjustment ?? "holm";
  const stageIndex = new Map(spec.stages.map((stage, index) => [stage, index]));
  const prefix = auditTable(spec.name);
  const histories = units.map((unit) =>
    unit.history
      .map((entry, index) => ({ ...entry, index }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)
      .map(({ at, state }) => {
        if (state && !stageIndex.has(state.stage))
          throw new RangeError(`${unit.id} is at "${state.stage}", not a stage of ${spec.name}`);
        return { at, state };
      }),
  );
  const personOf = (unit: number) => units[unit]!.person ?? units[unit]!.id;

  // Every change in the order Rungs learned of it; a change's rank orders the batches.
  const changes = histories
    .flatMap((history, unit) =>
      history.map((entry, index) => ({ unit, index, at: entry.at.getTime() })),
    )
    .sort(
      (a, b) =>
        a.at - b.at ||
        (units[a.unit]!.id < units[b.unit]!.id
          ? -1
          : units[a.unit]!.id > units[b.unit]!.id
            ? 1
            : 0) ||
        a.index - b.index,
    );
  const rankOf = histories.map((history) => new Array<number>(history.length));
  changes.forEach((change, rank) => (rankOf[change.unit]![change.index] = rank));

  // A cell's key: "" for everyone, `dimension:group` for a group (`dimension:` for no group), as the audit's cells are named after the prefix.
  const keysOf = (state: AuditState | null) =>
    state
      ? ["", ...spec.dimensions.map((dimension) => `${dimension}:${state.groups[dimension] || ""}`)]
      : [];
  const contributions = new Map<string, (Contribution & { rank: number })[]>();
  changes.forEach((change, rank) => {
    const history = histories[change.unit]!;
    const touched = new Set([
      ...keysOf(history[change.index - 1]?.state ?? null),
      ...keysOf(history[change.index]!.state),
    ]);
    for (const key of touched) {
      const list = contributions.get(key) ?? contributions.set(key, []).get(key)!;
      list.push({
        id: String(rank).padStart(12, "0"),
        contributor: personOf(change.unit),
        at: new Date(change.at),
        rank,
      });
    }
  });
  // Each cell moves when a batch of its own closes, at the end of a moment (people known at once are read together);
  // released at fixed moments, every cell stands at each moment as the last change before it left it.
  const fixedRanks = options.releasedAt
    ? [
        ...new Set(
          options.releasedAt.map((moment) =>
            changes.findLastIndex((change) => change.at <= moment.getTime()),
          ),
        ),
      ].filter((rank) => rank >= 0)
    : null;
  const closings = new Map(
    [...contributions].map(([key, list]) => [
      key,
      fixedRanks
        ? fixedRanks.filter((rank) => rank >= list[0]!.rank)
        : releasedBatches(list, floorOf, true).map((batch) => batch.at(-1)!.rank),
    ]),
  );
  // A reader reads between moments, never within one: cells that close at the same moment are released together.
  const moments = [...new Set([...closings.values()].flat().map((rank) => changes[rank]!.at))].sort(
    (a, b) => a - b,
  );

  // The units as they stood at a rank: each a version of its person, so that a reading before a change and one after are over different units.
  const versionOf = (unit: number, version: number) => `${units[unit]!.id}#${version}`;
  const unitPerson = new Map<string, string>();
  const stageOf = new Map<string, number>();
  histories.forEach((history, unit) =>
    history.forEach((entry, version) => {
      if (!entry.state) return;
      unitPerson.set(versionOf(unit, version), personOf(unit));
      stageOf.set(versionOf(unit, version), stageIndex.get(entry.state.stage)!);
    }),
  );
  // Each cell as it stood at each of its batches: everyone audited, and each dimension's groups (dimensionCells' ids, the units
  // with no group withheld). Who is in which group is followed change by change, and a group's members copied where a batch closes.
  const standing = new Map<string, Cell>();
  const cellAt = (key: string, rank: number) => standing.get(`${key}@${rank}`);
  {
    const closingAt = new Map<number, string[]>();
    for (const [key, ranks] of closings)
      for (const rank of ranks)
        (closingAt.get(rank) ?? closingAt.set(rank, []).get(rank)!).push(key);
    const current: (string | null)[] = units.map(() => null);
    const inGroup = new Map<string, Set<number>>();
    changes.forEach((change, rank) => {
      const history = histories[change.unit]!;
      for (const key of keysOf(history[change.index - 1]?.state ?? null))
        inGroup.get(key)?.delete(change.unit);
      const state = history[change.index]!.state;
      current[change.unit] = state ? versionOf(change.unit, change.index) : null;
      for (const key of keysOf(state))
        (inGroup.get(key) ?? inGroup.set(key, new Set()).get(key)!).add(change.unit);
      for (const key of closingAt.get(rank) ?? []) {
        const present = inGroup.get(key);
        if (!present?.size) continue;
        // In the units' order, whatever order they joined in.
        const members =
          key === ""
            ? current.filter((unit): unit is string => unit !== null)
            : Array.from(Int32Array.from(present).sort(), (unit) => current[unit]!);
        standing.set(`${key}@${rank}`, {
          id: `${key === "" ? prefix : `${prefix}:${key}`}@${rank}`,
          members,
          ...(key.endsWith(":") ? { withheld: true } : {}),
        });
      }
    });
  }
  // At each moment, every group as it stood at each of its batches until then: a reader keeps every reading, and combines old ones too.
  const closingsUpTo = (moment: number) =>
    [...closings].flatMap(([key, ranks]) =>
      ranks.filter((rank) => changes[rank]!.at <= moments[moment]!).map((rank) => ({ key, rank })),
    );
  const cellsUpTo = (moment: number) =>
    closingsUpTo(moment).flatMap(({ key, rank }) => cellAt(key, rank) ?? []);
  const empty: Release = { shown: new Set<string>(), sizes: new Map() };
  const unitFloor = (unit: string) => floorOf(unitPerson.get(unit)!);
  const release = moments.length
    ? releaseLockByLock(
        moments.length,
        (moment) => [cellsUpTo(moment)],
        unitFloor,
        (unit) => unitPerson.get(unit)!,
      )
    : empty;
  // How many reached a stage, in a cell as it stood at a rank.
  const reachedIn = (cell: Cell, stage: number) =>
    cell.members.filter((unit) => stageOf.get(unit)! >= stage).length;
  const floorOfCell = (cell: Cell) => largest(cell.members.map(unitFloor), 0);
  // Each later stage's count is released on its own, among the rows the check shows (decision 105): a count that would say the same of
  // every member, or all but a few, is a band, and no combination of exact counts, now or read before, may give it.
  const stageReleases = spec.stages.map((_, stage) =>
    stage === 0 || !moments.length
      ? empty
      : releaseLockByLock(
          moments.length,
          (moment) => [
            closingsUpTo(moment).flatMap(({ key, rank }) => {
              const cell = cellAt(key, rank);
              if (!cell) return [];
              if (!release.shown.has(cell.id)) return [{ ...cell, withheld: true }];
              const count = reachedIn(cell, stage);
              return [
                shownCount(count, cell.members.length, floorOfCell(cell)).kind === "exact"
                  ? cell
                  : { ...cell, banded: true },
              ];
            }),
          ],
          unitFloor,
          (unit) => unitPerson.get(unit)!,
        ),
  );

  // Each cell as it stands now: at its latest batch.
  const latest = (key: string) => {
    const rank = closings.get(key)?.at(-1);
    if (rank === undefined) return null;
    const cell = cellAt(key, rank);
    if (!cell) return null;
    const floor = floorOfCell(cell);
    const reached = spec.stages.map((_, index): Reached => {
      if (options.withheld?.has(`${key}|${index}`)) return {};
      const count = reachedIn(cell, index);
      if (index === 0 || stageReleases[index]!.shown.has(cell.id)) return { count };
      const shown = shownCount(count, cell.members.length, floor);
      return shown.kind === "band" ? { band: { low: shown.low, high: shown.high } } : {};
    });
    return { shown: release.shown.has(cell.id), small: belowItsFloor(release, cell.id), reached };
  };
  const rates = (reached: readonly Reached[]): AuditRate[] =>
    stepsOf(spec.stages).map(([from, to]) => {
      const n = reached[from]!.count ?? null;
      const successes = n === 0 ? 0 : n === null ? null : (reached[to]!.count ?? null);
      const band = reached[to]!.band;
      return {
        from: spec.stages[from]!,
        to: spec.stages[to]!,
        n,
        successes,
        band:
          n !== null && successes === null && band
            ? { low: Math.min(band.low, n), high: Math.min(band.high, n) }
            : null,
        rate: n && successes !== null ? wilsonInterval(successes, n) : null,
      };
    });

  const total = latest("");
  const dimensions = spec.dimensions.map((dimension) => {
    const values = [
      ...new Set(
        histories.flatMap((history) =>
          history.flatMap((entry) => entry.state?.groups[dimension] || []),
        ),
      ),
    ].sort();
    const listed = values.flatMap((value) => {
      const cell = latest(`${dimension}:${value}`);
      return cell ? [{ value, ...cell }] : [];
    });
    return {
      id: dimension,
      groups: listed
        .filter((group) => !group.small)
        .map((group) => ({
          value: group.value,
          shown: group.shown,
          steps: group.shown
            ? rates(group.reached).map((rate) => ({
                ...rate,
                highest: false,
                impact: null as AuditImpact | null,
              }))
            : null,
        })),
      // A group with people in it now and no batch of its own yet is left out too (who is in which group is no secret; its figures are).
      smallGroupsLeftOut:
        listed.some((group) => group.small) ||
        values.some(
          (value) =>
            !closings.get(`${dimension}:${value}`)?.length &&
            histories.some((history) => history.at(-1)?.state?.groups[dimension] === value),
        ),
    };
  });

  // Each step of each dimension: the shown groups against the one with the highest rate (the larger on a tie, then by name).
  const family: {
    step: Counts & { impact: AuditImpact | null };
    reference: Counts;
    name: string;
  }[] = [];
  for (const dimension of dimensions) {
    stepsOf(spec.stages).forEach((_, step) => {
      // Only exact figures are compared: a band has no rate.
      const rows = dimension.groups.flatMap((group) => {
        const at = group.steps?.[step];
        return at?.n && at.successes !== null
          ? [{ value: group.value, step: at, n: at.n, successes: at.successes }]
          : [];
      });
      const top = [...rows].sort(
        (a, b) =>
          b.successes / b.n - a.successes / a.n || b.n - a.n || (a.value < b.value ? -1 : 1),
      )[0];
      if (!top || rows.length < 2) return;
      top.step.highest = true;
      for (const row of rows)
        if (row !== top)
          family.push({
            step: Object.assign(row.step, { n: row.n, successes: row.successes }),
            reference: { n: top.n, successes: top.successes },
            name: top.value,
          });
    });
  }
  fourFifthsRule(
    family.map((entry) => ({
      group: { successes: entry.step.successes, n: entry.step.n },
      reference: entry.reference,
    })),
    adjustment,
    spec.alpha,
  ).forEach(
    (finding, index) =>
      (family[index]!.step.impact = { reference: family[index]!.name, ...finding }),
  );

  return {
    total: { shown: total?.shown ?? false, steps: total?.shown ? rates(total.reached) : null },
    dimensions,
    comparisons: family.length,
    adjustment,
  };
}

/** `equityAudit` with the floors as data, as the compute thread is handed them (off-loop.server.ts). */
export function equityAuditWithFloors(
  spec: AuditSpec,
  units: readonly AuditUnit[],
  raised: readonly (readonly [string, number])[],
  options: AuditRelease = {},
): Audit {
  return equityAudit(spec, units, floorsFrom(raised), options);
}
