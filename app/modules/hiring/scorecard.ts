import { z } from "zod";
import type { ScalePoint } from "~/modules/ladders";
import { refuseEscapingText } from "~/utils/free-text";

/**
 * Scorecards: per competency a score on the ladder's scale (or "not assessed") with evidence
 * notes, and an overall recommendation. Submitted cards never change; a correction is a new card
 * that amends the one before it (`amendmentDiff` shows what changed, `effectiveCards` picks the
 * cards that count).
 */

/** Four points and no neutral one: an interviewer has to lean one way. */
export const RECOMMENDATIONS = ["strong-no", "no", "yes", "strong-yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The recommendations' words in the messages (hiring's `recommendation`), for the pages in several languages. */
export const RECOMMENDATION_KEYS = {
  "strong-no": "recommendation.strongNo",
  no: "recommendation.no",
  yes: "recommendation.yes",
  "strong-yes": "recommendation.strongYes",
} as const satisfies Record<Recommendation, string>;

/** Yes or strong yes. */
export function isPositive(recommendation: Recommendation): boolean {
  return recommendation === "yes" || recommendation === "strong-yes";
}

import { NOT_ASSESSED } from "./scorecard-fields";

export { NOT_ASSESSED, scoresWithoutEvidence } from "./scorecard-fields";

/** The longest evidence note or summary a card takes. */
export const NOTES_MAX = 10_000;

/** A score on the ladder's scale, or null when the competency was not assessed. */
export interface ScoreEntry {
  competencyId: string;
  score: number | null;
}

export interface ScorecardEntry extends ScoreEntry {
  /** What the candidate said and did: the evidence behind the score. */
  notes: string;
}

export interface Scorecard {
  /** One per competency of the interviewer's stage, in the stage's order. */
  entries: ScorecardEntry[];
  recommendation: Recommendation;
  /** Overall notes. */
  summary: string;
}

/** A form's score: "not-assessed" or null means not assessed; a numeric string becomes its number; anything else is left for the schema to refuse. */
function toScore(value: unknown): unknown {
  if (value === NOT_ASSESSED || value === null) return null;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return value;
}

/**
 * The schema of a card being submitted for a stage: every competency of the stage exactly
 * once (no others), each with a score on `scale` or "not assessed", at least one competency
 * assessed, and a recommendation. Used in the browser (conform) and on the server.
 */
export function scorecardSchema(scale: readonly ScalePoint[], competencyIds: readonly string[]) {
  const values = new Set(scale.map((point) => point.value));
  // The messages are keys (docs/i18n.md) and name no values: the form offers every score of the scale and every competency of the stage.
  const scoreMessage = "hiring:scorecard.errors.scoreOffScale";
  const expected = new Set(competencyIds);
  const entry = z.object({
    competencyId: z.string({ error: "hiring:scorecard.errors.competencyMissing" }),
    score: z.preprocess(
      toScore,
      z
        .number({ error: scoreMessage })
        .nullable()
        .refine((score) => score === null || values.has(score), scoreMessage),
    ),
    notes: z
      .string()
      .superRefine(refuseEscapingText)
      .trim()
      .max(NOTES_MAX, "hiring:scorecard.errors.notesTooLong")
      .default(""),
  });
  return z
    .object({
      entries: z.array(entry),
      recommendation: z.enum(RECOMMENDATIONS, {
        error: "hiring:scorecard.errors.recommendationMissing",
      }),
      summary: z
        .string()
        .superRefine(refuseEscapingText)
        .trim()
        .max(NOTES_MAX, "hiring:scorecard.errors.summaryTooLong")
        .default(""),
    })
    .superRefine((card, context) => {
      const seen = new Set<string>();
      card.entries.forEach((item, index) => {
        const path = ["entries", index, "competencyId"];
        if (!expected.has(item.competencyId))
          context.addIssue({
            code: "custom",
            path,
            message: "hiring:scorecard.errors.competencyNotOnCard",
          });
        else if (seen.has(item.competencyId))
          context.addIssue({
            code: "custom",
            path,
            message: "hiring:scorecard.errors.competencyTwice",
          });
        seen.add(item.competencyId);
      });
      const missing = competencyIds.filter((competencyId) => !seen.has(competencyId));
      if (missing.length > 0)
        context.addIssue({
          code: "custom",
          path: ["entries"],
          message: "hiring:scorecard.errors.competencyLeftOut",
        });
      if (card.entries.length > 0 && card.entries.every((item) => item.score === null)) {
        context.addIssue({
          code: "custom",
          path: ["entries"],
          message: "hiring:scorecard.errors.nothingScored",
        });
      }
    });
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface EntryChange {
  competencyId: string;
  /** Null when the score stayed the same. */
  score: Change<number | null> | null;
  /** Null when the notes stayed the same (ignoring leading and trailing space and line endings). */
  notes: Change<string> | null;
}

export interface AmendmentDiff {
  /** Only the competencies that changed, in the original's order, then any the amendment added. */
  entries: EntryChange[];
  recommendation: Change<Recommendation> | null;
  summary: Change<string> | null;
  /** Anything at all changed. */
  changed: boolean;
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
}

/**
 * What an amendment changed against the card it amends: per competency the score and the
 * notes, the recommendation and the summary. A competency on one card only counts as not
 * assessed, with empty notes, on the other.
 */
export function amendmentDiff(original: Scorecard, amendment: Scorecard): AmendmentDiff {
  const before = new Map(original.entries.map((entry) => [entry.competencyId, entry]));
  const after = new Map(amendment.entries.map((entry) => [entry.competencyId, entry]));
  const competencyIds = [...new Set([...before.keys(), ...after.keys()])];
  const entries = competencyIds.flatMap((competencyId): EntryChange[] => {
    const from = before.get(competencyId) ?? { score: null, notes: "" };
    const to = after.get(competencyId) ?? { score: null, notes: "" };
    const score = from.score === to.score ? null : { from: from.score, to: to.score };
    const notes = sameText(from.notes, to.notes) ? null : { from: from.notes, to: to.notes };
    return score || notes ? [{ competencyId, score, notes }] : [];
  });
  const recommendation =
    original.recommendation === amendment.recommendation
      ? null
      : { from: original.recommendation, to: amendment.recommendation };
  const summary = sameText(original.summary, amendment.summary)
    ? null
    : { from: original.summary, to: amendment.summary };
  return {
    entries,
    recommendation,
    summary,
    changed: entries.length > 0 || recommendation !== null || summary !== null,
  };
}

/** The cards that count: every card no other card amends (the end of each chain of corrections). */
export function effectiveCards<T extends { id: string; amendsId: string | null }>(
  cards: readonly T[],
): T[] {
  const amended = new Set(cards.flatMap((card) => (card.amendsId === null ? [] : [card.amendsId])));
  return cards.filter((card) => !amended.has(card.id));
}

export interface RecommendationTally {
  counts: Record<Recommendation, number>;
  total: number;
  /** Yes and strong yes. */
  positive: number;
  /** No and strong no. */
  negative: number;
  /** Both sides are represented: the debrief has a decision to argue. */
  split: boolean;
}

/** How many cards recommend each point of the scale; cards without a recommendation (drafts) are left out. */
export function tallyRecommendations(
  recommendations: readonly (Recommendation | null)[],
): RecommendationTally {
  const counts: Record<Recommendation, number> = { "strong-no": 0, no: 0, yes: 0, "strong-yes": 0 };
  for (const recommendation of recommendations)
    if (recommendation !== null) counts[recommendation] += 1;
  const positive = counts.yes + counts["strong-yes"];
  const negative = counts.no + counts["strong-no"];
  return {
    counts,
    total: positive + negative,
    positive,
    negative,
    split: positive > 0 && negative > 0,
  };
}
