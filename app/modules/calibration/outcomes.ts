import { getLevel, trackOfLevel, type Ladder } from "~/modules/ladders";
import { z } from "zod";
import type { LevelOutcome } from "./entries";

export const LEVEL_OUTCOMES = ["stay", "promote", "not-ready"] as const satisfies readonly LevelOutcome[];
export const LEVEL_OUTCOME_LABELS: Record<LevelOutcome, string> = { stay: "Stay at level", promote: "Promote", "not-ready": "Not ready to say" };

export const MAX_RATIONALE = 2000;

/** A proposal or a final outcome as a form sends it. */
export const OutcomeSchema = z
  .object({
    rating: z.coerce.number({ error: "Choose an overall rating." }).int({ error: "Choose an overall rating." }),
    outcome: z.enum(LEVEL_OUTCOMES, { error: "Choose a level outcome." }),
    levelId: z.string().trim().max(100).optional(),
    text: z.string().trim().max(MAX_RATIONALE, { error: `Keep it under ${MAX_RATIONALE} characters.` }).default(""),
    /** Evidence of the person's reviews a proposal points to (ids). */
    evidence: z.array(z.string().trim().min(1).max(100)).max(50, { error: "Point to at most 50 pieces of evidence." }).default([]),
    /** The session's second dimension (1 low, 2 medium, 3 high), when it collects one. */
    second: z.coerce.number().int().min(1, { error: "Choose low, medium or high." }).max(3, { error: "Choose low, medium or high." }).optional(),
  })
  .refine((value) => value.outcome !== "promote" || Boolean(value.levelId), { error: "Choose the level to promote to.", path: ["levelId"] });
/** As the form gives it; a proposal may leave out the evidence it points to. */
export type OutcomeInput = Omit<z.output<typeof OutcomeSchema>, "evidence"> & { evidence?: string[] };

/** Said when an outcome that differs from the proposal comes without its reason. */
export const REASON_NEEDED = "Give a reason: this differs from the proposal.";

/** An outcome as stored on an entry, or as a form or the grid gives it: a proposal and a final outcome alike. */
export type OutcomeValue = { rating: number | null; outcome: string | null; levelId: string | null; second: number | null };

/** The level an outcome names: only a promotion names one. */
export const outcomeLevel = (value: Pick<OutcomeValue, "outcome" | "levelId">) => (value.outcome === "promote" ? value.levelId : null);

/**
 * Does a final outcome differ from the proposal (none, or not yet visible, counts as empty)? Then
 * it needs a reason, whether it is recorded on the person's page or by a move on the grid, and a
 * bulk accept leaves it alone. The second dimension counts only where the session collects one.
 */
export function differsFromProposal(final: OutcomeValue, proposal: OutcomeValue | null, collectsSecond: boolean): boolean {
  const proposed = proposal ?? { rating: null, outcome: null, levelId: null, second: null };
  return (
    final.rating !== proposed.rating ||
    final.outcome !== proposed.outcome ||
    outcomeLevel(final) !== outcomeLevel(proposed) ||
    (collectsSecond && final.second !== proposed.second)
  );
}

/**
 * Why a promotion target does not fit, or null when it does: it must be a level of the
 * person's ladder above where they are: higher in the same track, or in another track a level
 * whose equivalence row is above theirs (a move across tracks through equivalence), or the first
 * level of a path that branches off at or below their level.
 */
export function promotionTargetProblem(ladder: Ladder, fromLevelId: string | null, toLevelId: string): string | null {
  const to = getLevel(ladder, toLevelId);
  if (!to) return "That level is not in this ladder.";
  const from = fromLevelId ? getLevel(ladder, fromLevelId) : undefined;
  if (!from) return null;
  if (to.id === from.id) return "That is the level they are at; choose Stay at level instead.";
  if (to.trackId === from.trackId) return to.rank > from.rank ? null : "A promotion goes to a more senior level.";
  const branch = trackOfLevel(ladder, to.id)?.branchesFrom;
  if (branch && to.rank === 0 && branch.trackId === from.trackId && (getLevel(ladder, branch.levelId)?.rank ?? Infinity) <= from.rank) return null;
  if (to.band !== null && from.band !== null) return to.band > from.band ? null : "A move across tracks goes to a level above theirs in the equivalence table.";
  return null;
}
