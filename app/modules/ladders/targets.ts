/**
 * Targets: the rating a level expects of each competency. A ladder may name them at three
 * places, the most specific winning: a level's `targets` (per competency), the level's
 * `target`, and the scale point marked `target: true`. A ladder that names none expects the
 * scale point whose meaning says it "is the bar", else the middle point of the scale
 * (rounded up: 3 on a scale of 1 to 4). docs/ladders.md, "Targets".
 */
export function defaultTarget(
  scale: readonly { value: number; meaning: string; target?: boolean }[],
): number {
  const marked =
    scale.find((point) => point.target === true) ??
    scale.find((point) => /\bis the bar\b/i.test(point.meaning));
  if (marked) return marked.value;
  return scale[Math.floor(scale.length / 2)]?.value ?? 0;
}

/** The target of each competency at a level, given the ladder's default and what the level says. */
export function levelTargets(
  competencyIds: readonly string[],
  ladderDefault: number,
  level: { target?: number; targets?: Readonly<Record<string, number>> },
): { target: number; targets: Record<string, number> } {
  const target = level.target ?? ladderDefault;
  const targets: Record<string, number> = {};
  for (const competencyId of competencyIds)
    targets[competencyId] = level.targets?.[competencyId] ?? target;
  return { target, targets };
}

/** Ratings a level expects, each with how many competencies expect it; the most common first. */
export type TargetsInForce = { value: number; competencies: number }[];

/**
 * The targets that apply at a level, from its competencies' own: grouped by rating, the most
 * common first (ties: the level's default, then the higher rating). What the level page says,
 * so it never names a default that no competency uses.
 */
export function targetsInForce(
  levelTarget: number,
  competencyTargets: readonly number[],
): TargetsInForce {
  const counts = new Map<number, number>();
  for (const target of competencyTargets) counts.set(target, (counts.get(target) ?? 0) + 1);
  if (counts.size === 0) return [{ value: levelTarget, competencies: 0 }];
  return [...counts]
    .map(([value, competencies]) => ({ value, competencies }))
    .sort(
      (a, b) =>
        b.competencies - a.competencies ||
        Number(b.value === levelTarget) - Number(a.value === levelTarget) ||
        b.value - a.value,
    );
}
