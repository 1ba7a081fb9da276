import { getLevel, trackOfLevel, type Ladder } from "~/modules/ladders";
import { z } from "zod";
import { refuseEscapingText } from "~/utils/free-text";
import type { LevelOutcome } from "./entries";

export const LEVEL_OUTCOMES = [
  "stay",
  "promote",
  "not-ready",
] as const satisfies readonly LevelOutcome[];

export const MAX_RATIONALE = 2000;

/** A proposal or a final outcome as a form sends it; its messages are keys, worded where the form shows them (this schema checks in the browser too). */
export const OutcomeSchema = z
  .object({
    rating: z.coerce
      .number({ error: "calibration:errors.overallRating" })
      .int({ error: "calibration:errors.overallRating" }),
    outcome: z.enum(LEVEL_OUTCOMES, { error: "calibration:errors.levelOutcome" }),
    levelId: z.string().trim().max(100).optional(),
    text: z
      .string()
      .superRefine(refuseEscapingText)
      .trim()
      .max(MAX_RATIONALE, { error: "calibration:errors.textTooLong" })
      .default(""),
    /** Evidence of the person's reviews a proposal points to (ids). */
    evidence: z
      .array(z.string().trim().min(1).max(100))
      .max(50, { error: "calibration:errors.tooMuchEvidence" })
      .default([]),
    /** The session's second dimension (1 low, 2 medium, 3 high), when it collects one. */
    second: z.coerce
      .number()
      .int()
      .min(1, { error: "calibration:errors.secondPoint" })
      .max(3, { error: "calibration:errors.secondPoint" })
      .optional(),
  })
  .refine((value) => value.outcome !== "promote" || Boolean(value.levelId), {
    error: "calibration:errors.promoteLevel",
    path: ["levelId"],
  });
/** As the form gives it; a proposal may leave out the evidence it points to. */
export type OutcomeInput = Omit<z.output<typeof OutcomeSchema>, "evidence"> & {
  evidence?: string[];
};

/** Said when an outcome that differs from the proposal comes without its reason. */
export const REASON_NEEDED = "calibration:errors.reasonNeeded";

/** An outcome as stored on an entry, or as a form or the grid gives it: a proposal and a final outcome alike. */
export type OutcomeValue = {
  rating: number | null;
  outcome: string | null;
  levelId: string | null;
  second: number | null;
};

/** The level an outcome names: only a promotion names one. */
export const outcomeLevel = (value: Pick<OutcomeValue, "outcome" | "levelId">) =>
  value.outcome === "promote" ? value.levelId : null;

/**
 * Does a final outcome differ from the proposal (none, or not yet visible, counts as empty)? Then
 * it needs a reason, whether it is recorded on the person's page or by a move on the grid, and a
 * bulk accept leaves it alone. The second dimension counts only where the session collects one.
 */
export function differsFromProposal(
  final: OutcomeValue,
  proposal: OutcomeValue | null,
  collectsSecond: boolean,
): boolean {
  const proposed = proposal ?? { rating: null, outcome: null, levelId: null, second: null };
  return (
    final.rating !== proposed.rating ||
    final.outcome !== proposed.outcome ||
    outcomeLevel(final) !== outcomeLevel(proposed) ||
    (collectsSecond && final.second !== proposed.second)
  );
}

/**
 * Why a promotion target does not fit (a message key), or null when it does: it must be a level of the
 * person's ladder above where they are: higher in the same track, or in another track a level
 * whose equivalence row is above theirs (a move across tracks through equivalence), or the first
 * level of a path that branches off at or below their level.
 */
export function promotionTargetProblem(
  ladder: Ladder,
  fromLevelId: string | null,
  toLevelId: string,
): string | null {
  const to = getLevel(ladder, toLevelId);
  if (!to) return "calibration:errors.levelNotInLadder";
  const from = fromLevelId ? getLevel(ladder, fromLevelId) : undefined;
  if (!from) return null;
  if (to.id === from.id) return "calibration:errors.levelIsCurrent";
  if (to.trackId === from.trackId)
    return to.rank > from.rank ? null : "calibration:errors.promotionMoreSenior";
  const branch = trackOfLevel(ladder, to.id)?.branchesFrom;
  if (
    branch &&
    to.rank === 0 &&
    branch.trackId === from.trackId &&
    (getLevel(ladder, branch.levelId)?.rank ?? Infinity) <= from.rank
  )
    return null;
  if (to.band !== null && from.band !== null)
    return to.band > from.band ? null : "calibration:errors.acrossTracksHigher";
  return null;
}
