import {
  amendmentDiff,
  effectiveCards,
  RECOMMENDATIONS,
  type AmendmentDiff,
  type Recommendation,
  type Scorecard,
} from "./scorecard";

/**
 * Stored scorecards as the pages read them: per interview, the submitted card that counts (the
 * end of its chain of amendments) and each amendment with what it changed. Pure.
 */

export type StoredCard = {
  id: string;
  interviewId: string;
  authorId: string;
  status: string;
  recommendation: string | null;
  summary: string;
  amendsId: string | null;
  submittedAt: Date | string | null;
  scores: readonly { competencyId: string; score: number | null; notes: string }[];
};

export function asRecommendation(value: string | null): Recommendation | null {
  return RECOMMENDATIONS.includes(value as Recommendation) ? (value as Recommendation) : null;
}

/** A stored card as `scorecard.ts` reads it, its entries in the stage's order (then any others). */
export function toScorecard(card: StoredCard, competencyIds: readonly string[] = []): Scorecard {
  const order = new Map(competencyIds.map((id, index) => [id, index]));
  const entries = [...card.scores]
    .sort(
      (a, b) => (order.get(a.competencyId) ?? Infinity) - (order.get(b.competencyId) ?? Infinity),
    )
    .map((row) => ({ competencyId: row.competencyId, score: row.score, notes: row.notes }));
  return {
    entries,
    recommendation: asRecommendation(card.recommendation) ?? "no",
    summary: card.summary,
  };
}

export type CardChain<T extends StoredCard> = {
  interviewId: string;
  /** The first submission. */
  original: T;
  /** The card that counts: the latest submitted amendment, else the original. */
  effective: T;
  /** Submitted amendments, oldest first, each with what it changed against the card before it. */
  amendments: { card: T; diff: AmendmentDiff }[];
};

/** Per interview, the chain of submitted cards (drafts are left out). */
export function submittedChains<T extends StoredCard>(
  cards: readonly T[],
  competencyIdsOf: (interviewId: string) => readonly string[] = () => [],
): CardChain<T>[] {
  const submitted = cards.filter((card) => card.status === "submitted");
  const byId = new Map(submitted.map((card) => [card.id, card]));
  const chains: CardChain<T>[] = [];
  for (const original of submitted.filter((card) => card.amendsId === null)) {
    const competencyIds = competencyIdsOf(original.interviewId);
    const amendments: CardChain<T>["amendments"] = [];
    let current = original;
    for (;;) {
      const next = submitted.find((card) => card.amendsId === current.id);
      if (!next) break;
      amendments.push({
        card: next,
        diff: amendmentDiff(toScorecard(current, competencyIds), toScorecard(next, competencyIds)),
      });
      current = next;
    }
    chains.push({
      interviewId: original.interviewId,
      original,
      effective: byId.get(current.id)!,
      amendments,
    });
  }
  return chains;
}

/** The submitted cards that count, one per interview. */
export function effectiveSubmitted<T extends StoredCard>(cards: readonly T[]): T[] {
  return effectiveCards(cards.filter((card) => card.status === "submitted"));
}
