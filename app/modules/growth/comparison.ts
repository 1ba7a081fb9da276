/**
 * Self-assessment against manager review, competency by competency. Pure: the
 * caller has already loaded the two assessments and checked that the viewer may
 * read both (policy.ts).
 */
import type { Ladder, ScalePoint } from "~/modules/ladders";

export type ComparedSide = {
  rating: number | null;
  /** The scale label of the rating, e.g. "Consistent". */
  label: string | null;
  notes: string;
  evidenceCount: number;
};

/**
 * "same": both rated alike; "differs": one point apart; "strongly-differs": two or
 * more apart; "incomplete": one side did not rate it (or is missing).
 */
export type Agreement = "same" | "differs" | "strongly-differs" | "incomplete";

export type ComparisonRow = {
  competencyId: string;
  name: string;
  self: ComparedSide | null;
  manager: ComparedSide | null;
  /** Manager rating minus self rating; null when either is missing. */
  difference: number | null;
  agreement: Agreement;
  /** Rated, but not a competency of the level compared (a track, level or ladder changed): shown, not counted. */
  outsideLevel: boolean;
};

/** Agreement over the level's competencies (`total` of them); rows outside the level are counted apart. */
export type ComparisonCounts = Record<Agreement, number> & { total: number; outsideLevel: number };

export type Comparison = { rows: ComparisonRow[]; counts: ComparisonCounts };

export type RatingInput = {
  competencyId: string;
  rating: number | null;
  notes: string;
  evidenceCount: number;
};

/** A disagreement of this many points or more is highlighted strongly. */
export const STRONG_DISAGREEMENT = 2;

export function agreementOf(
  self: number | null | undefined,
  manager: number | null | undefined,
): Agreement {
  if (self == null || manager == null) return "incomplete";
  const gap = Math.abs(manager - self);
  if (gap === 0) return "same";
  return gap >= STRONG_DISAGREEMENT ? "strongly-differs" : "differs";
}

function sideOf(
  rating: RatingInput | undefined,
  scale: readonly ScalePoint[],
): ComparedSide | null {
  if (!rating) return null;
  return {
    rating: rating.rating,
    label:
      rating.rating == null
        ? null
        : (scale.find((point) => point.value === rating.rating)?.label ?? null),
    notes: rating.notes,
    evidenceCount: rating.evidenceCount,
  };
}

/**
 * Every competency's name in some ladders (the versions the assessments were written on),
 * the first ladder's name winning, so a competency rated outside today's level is still
 * shown by name. Its id only when no ladder knows it.
 */
export function competencyNames(ladders: Iterable<Ladder | undefined>): Map<string, string> {
  const names = new Map<string, string>();
  for (const ladder of ladders)
    for (const competency of ladder?.competencies ?? [])
      if (!names.has(competency.id)) names.set(competency.id, competency.name);
  return names;
}

/**
 * One row per competency, in the order given; competencies rated in either
 * assessment but not in the list (a track, level or ladder changed between them)
 * come last, named from `names`, marked outside the level and left out of the
 * agreement counts. A missing assessment (null) leaves its side empty on every row.
 */
export function compareRatings(input: {
  competencies: readonly { id: string; name: string }[];
  scale: readonly ScalePoint[];
  self: readonly RatingInput[] | null;
  manager: readonly RatingInput[] | null;
  names?: ReadonlyMap<string, string>;
}): Comparison {
  const selfById = new Map((input.self ?? []).map((rating) => [rating.competencyId, rating]));
  const managerById = new Map((input.manager ?? []).map((rating) => [rating.competencyId, rating]));
  const names = new Map(input.competencies.map((competency) => [competency.id, competency.name]));
  const ids = [...names.keys()];
  const outside = new Set<string>();
  for (const id of [...selfById.keys(), ...managerById.keys()]) {
    if (!names.has(id)) {
      names.set(id, input.names?.get(id) ?? id);
      ids.push(id);
      outside.add(id);
    }
  }
  const counts: ComparisonCounts = {
    same: 0,
    differs: 0,
    "strongly-differs": 0,
    incomplete: 0,
    total: ids.length - outside.size,
    outsideLevel: outside.size,
  };
  const rows = ids.map((competencyId): ComparisonRow => {
    const self = sideOf(selfById.get(competencyId), input.scale);
    const manager = sideOf(managerById.get(competencyId), input.scale);
    const agreement = agreementOf(self?.rating, manager?.rating);
    const outsideLevel = outside.has(competencyId);
    if (!outsideLevel) counts[agreement]++;
    const difference =
      self?.rating != null && manager?.rating != null ? manager.rating - self.rating : null;
    return {
      competencyId,
      name: names.get(competencyId) ?? competencyId,
      self,
      manager,
      difference,
      agreement,
      outsideLevel,
    };
  });
  return { rows, counts };
}

export type PairCandidate = {
  id: string;
  kind: "self" | "manager";
  cycleId: string | null;
  submittedAt: Date | null;
};

export type LatestPair<T extends PairCandidate> = { self: T; manager: T; cycleId: string | null };

function newest<T extends PairCandidate>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!item.submittedAt) continue;
    if (!best || item.submittedAt.getTime() > best.submittedAt!.getTime()) best = item;
  }
  return best;
}

/**
 * The latest self-assessment and manager review that belong together: within one
 * cycle (the newest submission of each kind), or, outside cycles, the newest of
 * each kind. Of the candidate pairs the one submitted most recently wins, so a
 * review made after the last cycle is the one shown. Give only submitted
 * assessments the viewer may read.
 */
export function pickLatestPair<T extends PairCandidate>(
  assessments: readonly T[],
): LatestPair<T> | null {
  const groups = new Map<string | null, T[]>();
  for (const assessment of assessments) {
    if (!assessment.submittedAt) continue;
    const group = groups.get(assessment.cycleId);
    if (group) group.push(assessment);
    else groups.set(assessment.cycleId, [assessment]);
  }
  let best: LatestPair<T> | null = null;
  let bestTime = -Infinity;
  for (const [cycleId, group] of groups) {
    const self = newest(group.filter((a) => a.kind === "self"));
    const manager = newest(group.filter((a) => a.kind === "manager"));
    if (!self || !manager) continue;
    const time = Math.max(self.submittedAt!.getTime(), manager.submittedAt!.getTime());
    if (time > bestTime) {
      best = { self, manager, cycleId };
      bestTime = time;
    }
  }
  return best;
}

/** The most recently submitted assessment of a kind, if any. */
export function latestSubmitted<T extends PairCandidate>(
  assessments: readonly T[],
  kind: "self" | "manager",
): T | undefined {
  return newest(assessments.filter((assessment) => assessment.kind === kind));
}
