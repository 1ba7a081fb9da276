import { pinsAnyone, type ReadFigure, type Witnesses } from "~/modules/disclosure/bounded.server";
import { equityAudit, type Audit, type AuditSpec, type AuditUnit } from "./audit";

/**
 * An audit released at fixed moments (decision 122): at each moment, every row as it stood then (one
 * moment for the whole page, which it names), through the disclosure check against every earlier
 * release, then read by the bounded reader beside every earlier release of the same scope; a figure
 * that would let it pin anyone is withheld. What a release shows is what it showed: a later one never
 * changes an earlier one, and a correction learned later goes into the next.
 */

export type ReleasedAudit = {
  at: Date;
  audit: Audit;
  /** Figures the bounded reader's check withheld, each a row's count of one stage: what showing it would have pinned. */
  withheld: number;
};

/** A unit's history as Rungs knew it at a moment. */
function asKnownAt(units: readonly AuditUnit[], at: number): AuditUnit[] {
  return units.flatMap((unit) => {
    const history = unit.history.filter((entry) => entry.at.getTime() <= at);
    return history.length ? [{ ...unit, history }] : [];
  });
}

/** A row's key as equityAudit names it: "" for everyone, `dimension:group` for a group. */
function rowsOf(audit: Audit) {
  return [
    { key: "", shown: audit.total.shown, steps: audit.total.steps },
    ...audit.dimensions.flatMap((dimension) =>
      dimension.groups.map((group) => ({
        key: `${dimension.id}:${group.value}`,
        shown: group.shown,
        steps: group.steps,
      })),
    ),
  ];
}

/**
 * The figures a release shows, as its reader takes them: for each shown row and each later stage,
 * the count of the row's members who reached it, exact or as a band, over the members it stood for.
 */
function figuresOf(
  spec: AuditSpec,
  audit: Audit,
  units: readonly AuditUnit[],
  at: number,
): (ReadFigure & { key: string })[] {
  const present = units.flatMap((unit) => {
    const state = unit.history.at(-1)!.state;
    return state ? [{ unit: unit.id, state, reached: spec.stages.indexOf(state.stage) }] : [];
  });
  return rowsOf(audit).flatMap((row) => {
    if (!row.shown || !row.steps) return [];
    const [dimension, value] = row.key ? row.key.split(/:(.*)/s) : [];
    const members = present
      .filter((entry) => !dimension || entry.state.groups[dimension] === value)
      .map(({ unit, reached }) => ({ unit, reached }));
    return spec.stages.slice(1).flatMap((stage, offset) => {
      const step = row.steps!.find((entry) => entry.from === spec.stages[0] && entry.to === stage);
      const range =
        step?.successes != null
          ? [step.successes, step.successes]
          : step?.band
            ? [step.band.low, step.band.high]
            : null;
      return range
        ? [
            {
              key: `${row.key}|${offset + 1}`,
              members,
              stage: offset + 1,
              at,
              low: range[0]!,
              high: range[1]!,
            },
          ]
        : [];
    });
  });
}

/**
 * Every release of one scope's audit at `moments` (ascending), each checked against all before it.
 * A reader holding another scope as well is checked over both by passing their units together.
 */
export async function releasedAudits(
  spec: AuditSpec,
  units: readonly AuditUnit[],
  floorOf: (person: string) => number,
  moments: readonly Date[],
): Promise<ReleasedAudit[]> {
  const joinedAt = new Map(
    units.flatMap((unit) => {
      const first = [...unit.history].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      return first && first.state?.stage === spec.stages[0]
        ? [[unit.id, first.at.getTime()] as const]
        : [];
    }),
  );
  const read: ReadFigure[] = [];
  const releases: ReleasedAudit[] = [];
  // What fitted one check mostly fits the next (one figure more, or a month more): tried first.
  const witnesses: Witnesses = [];
  for (const [index, moment] of moments.entries()) {
    const at = moment.getTime();
    const known = asKnownAt(units, at);
    const releasedAt = moments.slice(0, index + 1);
    const candidate = equityAudit(spec, known, floorOf, { releasedAt });
    const figures = figuresOf(spec, candidate, known, at);
    const withheld = new Set<string>();
    const pins = (more: readonly ReadFigure[]) =>
      pinsAnyone(spec.stages.length, [...read, ...more], joinedAt, witnesses);
    // Greedy in the page's order, each figure checked beside every one shown before it. Figures added
    // can only pin more, so the first that pins is found by halving: the release whole first (most
    // pin nobody, and then one check decides it), and a few checks for each figure withheld.
    for (let from = 0; from < figures.length;) {
      if (!(await pins(figures.slice(from)))) {
        read.push(...figures.slice(from));
        break;
      }
      let low = from;
      let high = figures.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (await pins(figures.slice(from, middle + 1))) high = middle;
        else low = middle + 1;
      }
      read.push(...figures.slice(from, low));
      withheld.add(figures[low]!.key);
      from = low + 1;
    }
    releases.push({
      at: moment,
      audit: withheld.size
        ? equityAudit(spec, known, floorOf, { releasedAt, withheld })
        : candidate,
      withheld: withheld.size,
    });
  }
  return releases;
}
