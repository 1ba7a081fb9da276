/**
 * How well a mentor suits a mentee: three soft factors, each scored from 0 to 1, weighted and
 * added up. Hard rules are not here (see `rules.ts`): fit only ranks pairs that are allowed.
 *
 * - goals: the share of the mentee's goals the mentor can teach, each goal counted by its gap
 *   (target rating − current rating), so covering a big gap counts more than a small one;
 *   when every gap is 0 each goal counts the same;
 * - cross-team: 1 when mentor and mentee are on different teams (exposure to another team), else 0;
 * - level: by how many bands the mentor sits above the mentee's target level: 1 or 2 bands is
 *   ideal (1), the same band is good (0.5), and from 3 bands up the score falls by 0.25 a band
 *   (0.75, 0.5, 0.25, then 0), since a mentor far above remembers less of the next step.
 */
import type {
  FactorExplanation,
  FitWeights,
  MenteeInput,
  MentorInput,
  PairExplanation,
  PairSource,
} from "./types";
import { listOf, type Message } from "~/i18n/messages";

export const DEFAULT_WEIGHTS: Readonly<FitWeights> = { goals: 3, crossTeam: 1, level: 1 };

/** The level factor for a mentor `bandsAbove` bands above the mentee's target level. */
export function levelScore(bandsAbove: number): number {
  if (bandsAbove < 0) return 0;
  if (bandsAbove === 0) return 0.5;
  if (bandsAbove <= 2) return 1;
  return Math.max(0, 1 - 0.25 * (bandsAbove - 2));
}

/**
 * The goals factor from the covered goals' gaps added up (`coveredGap`) and the count of covered
 * goals, against all goals' gaps and count.
 */
export function goalScore(
  coveredGap: number,
  totalGap: number,
  coveredCount: number,
  goalCount: number,
): number {
  if (goalCount === 0) return 0;
  return totalGap > 0 ? coveredGap / totalGap : coveredCount / goalCount;
}

/** A pair's fit from its three factor scores. Matching and explanations both use this one sum. */
export function combineFit(
  weights: Readonly<FitWeights>,
  goals: number,
  crossTeam: number,
  level: number,
): number {
  return weights.goals * goals + weights.crossTeam * crossTeam + weights.level * level;
}

/** The three weights, the defaults filling in what `weights` leaves out. */
export function resolveWeights(weights: Partial<FitWeights> | undefined): FitWeights {
  return { ...DEFAULT_WEIGHTS, ...weights };
}

/**
 * Explains one pair's fit factor by factor: each factor's score, weight, contribution and a
 * sentence (a message), e.g. "Covers 2 of 3 goals: testing (gap 2), design (gap 1)".
 */
export function explainFit(
  mentee: MenteeInput,
  mentor: MentorInput,
  weights: Readonly<FitWeights>,
  competencyNames: Readonly<Record<string, string>> = {},
): PairExplanation {
  const teaches = new Set(mentor.strengths);
  const covered = mentee.goals.filter((goal) => teaches.has(goal.competencyId));
  const coveredGap = covered.reduce((sum, goal) => sum + goal.gap, 0);
  const totalGap = mentee.goals.reduce((sum, goal) => sum + goal.gap, 0);
  const goals = goalScore(coveredGap, totalGap, covered.length, mentee.goals.length);
  const crossTeam = mentee.teamId === mentor.teamId ? 0 : 1;
  const bandsAbove = mentor.band - mentee.targetBand;
  const level = levelScore(bandsAbove);
  const name = (competencyId: string) => competencyNames[competencyId] ?? competencyId;
  const factors: FactorExplanation[] = [
    factor(
      "goals",
      goals,
      weights.goals,
      goalText(
        covered.map((goal) =>
          say("explain.goalGap", { name: name(goal.competencyId), gap: goal.gap }),
        ),
        mentee.goals.length,
      ),
    ),
    factor(
      "cross-team",
      crossTeam,
      weights.crossTeam,
      say(crossTeam ? "explain.otherTeam" : "explain.sameTeam"),
    ),
    factor("level", level, weights.level, levelText(bandsAbove)),
  ];
  return { fit: combineFit(weights, goals, crossTeam, level), factors };
}

const say = (key: string, values?: Message["values"]): Message =>
  values ? { key: `mentorship:${key}`, values } : { key: `mentorship:${key}` };

function factor(
  name: FactorExplanation["factor"],
  raw: number,
  weight: number,
  text: Message,
): FactorExplanation {
  return { factor: name, raw, weight, contribution: raw * weight, text };
}

/** "Covers 2 of 3 goals: …" (each covered goal as the caller words it), the same sentence wherever coverage is explained. */
export function goalText(covered: readonly (string | Message)[], goalCount: number): Message {
  if (goalCount === 0) return say("explain.noGoals");
  if (covered.length === 0) return say("explain.coversNone", { goals: goalCount });
  return say("explain.covers", {
    covered: covered.length,
    goals: goalCount,
    list: listOf(covered),
  });
}

function levelText(bandsAbove: number): Message {
  if (bandsAbove < 0) return say("explain.levelBelow", { bands: -bandsAbove });
  if (bandsAbove === 0) return say("explain.levelAt");
  if (bandsAbove <= 2) return say("explain.levelAbove", { bands: bandsAbove });
  return say("explain.levelFarAbove", { bands: bandsAbove });
}

/** How a pair came about, beside the explanation of its fit: the same sentence wherever a pair is shown. */
export function originText(source: PairSource, requestRank?: number | null): Message {
  switch (source) {
    case "requested":
      return requestRank
        ? say("origin.requested", { rank: say("ordinal", { rank: requestRank }) })
        : say("origin.requestedUnranked");
    case "pinned":
      return say("origin.pinned");
    case "accepted":
      return say("origin.accepted");
    case "proposed":
      return say("origin.proposed");
  }
}
