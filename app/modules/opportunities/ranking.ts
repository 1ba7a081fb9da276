/**
 * Opportunities in the order a person would most grow from them: first those whose level range
 * includes the person's level, then by the gaps in their growth plan each would close. A gap is a
 * competency of the plan's gap analysis not yet fully met (readiness below 1; not assessed counts
 * as half met); a focus competency of the growth plan weighs twice. Pure; the service reads the
 * gap analysis (growth) and the opportunities.
 */
export type GapFacts = {
  /** Readiness (0..1) of each competency the gap analysis covers; null when it is not assessed. */
  readiness: ReadonlyMap<string, number | null>;
  /** The growth plan's focus competencies. */
  focus: ReadonlySet<string>;
};

export type RankInput = {
  id: string;
  competencyIds: readonly string[];
  fitsLevel: boolean;
  startsOn: Date;
};

export type Ranked = {
  id: string;
  score: number;
  fitsLevel: boolean;
  closes: string[];
  focusCloses: string[];
};

const NOT_ASSESSED = 0.5;
export const FOCUS_WEIGHT = 2;

export function gapWeight(competencyId: string, gaps: GapFacts): number {
  const focused = gaps.focus.has(competencyId);
  if (!gaps.readiness.has(competencyId)) return focused ? FOCUS_WEIGHT * NOT_ASSESSED : 0;
  const readiness = gaps.readiness.get(competencyId);
  const gap = 1 - (readiness ?? NOT_ASSESSED);
  return gap <= 0 ? 0 : gap * (focused ? FOCUS_WEIGHT : 1);
}

export function rankOpportunities(opportunities: readonly RankInput[], gaps: GapFacts): Ranked[] {
  const starts = new Map(
    opportunities.map((opportunity) => [opportunity.id, opportunity.startsOn.getTime()]),
  );
  return opportunities
    .map((opportunity) => {
      const closes = opportunity.competencyIds.filter((id) => gapWeight(id, gaps) > 0);
      const score = closes.reduce((sum, id) => sum + gapWeight(id, gaps), 0);
      return {
        id: opportunity.id,
        score: Math.round(score * 1000) / 1000,
        fitsLevel: opportunity.fitsLevel,
        closes,
        focusCloses: closes.filter((id) => gaps.focus.has(id)),
      };
    })
    .sort(
      (a, b) =>
        Number(b.fitsLevel) - Number(a.fitsLevel) ||
        b.score - a.score ||
        starts.get(a.id)! - starts.get(b.id)! ||
        a.id.localeCompare(b.id),
    );
}
