/**
 * Targets: the rating a level expects of each competency. A ladder may name them at three
 * places, the most specific winning: a level's `targets` (per competency), the level's
 * `target`, and the scale point marked `target: true`. A ladder that names none expects the
 * scale point whose meaning says it "is the bar", else the middle point of the scale
 * (rounded up: 3 on a scale of 1 to 4). docs/ladders.md, "Targets".
 */
export function defaultTarget(scale: readonly { value: number; meaning: string; target?: boolean }[]): number {
  const marked = scale.find((point) => point.target === true) ?? scale.find((point) => /\bis the bar\b/i.test(point.meaning));
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
  for (const competencyId of competencyIds) targets[competencyId] = level.targets?.[competencyId] ?? target;
  return { target, targets };
}
