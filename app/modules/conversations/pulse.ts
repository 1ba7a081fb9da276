import { releasedBatches } from "~/modules/disclosure/check";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { pulseFloor } from "./policy";

/**
 * The pulse: a report says how useful their one-to-ones are, on a short scale, whenever they
 * like. Each answer is the report's own; their manager reads only an average over their reports,
 * released by the one disclosure check over time (app/modules/disclosure, decision 075): answers
 * in batches of at least the floor of different reports (three, or the organisation's floor where
 * it is higher), so that neither one more answer, nor a changed one, nor one growing old moves
 * what the manager reads. Pure.
 */

export const PULSE_MIN = 1;
export const PULSE_MAX = 5;

/** The scale's points, from "not useful" to "very useful": each is worded by its score (conversations' `pulse.scale`). */
export const PULSE_SCALE = Array.from(
  { length: PULSE_MAX - PULSE_MIN + 1 },
  (_, index) => PULSE_MIN + index,
);

/** The fewest different reports in a batch under the organisation's floor (a raised floor makes a batch larger). */
export const PULSE_BATCH = pulseFloor(SMALL_GROUP_FLOOR);

/** Answers older than this are not counted: the pulse says how one-to-ones feel now. */
export const PULSE_WINDOW_DAYS = 180;

export type PulseAnswer = { id: string; respondentId: string; score: number; answeredAt: Date };

/** The average the manager reads, to one decimal as the team page shows it; null while no batch in the window is complete. Nothing else: not even how many answered. */
export type PulseSummary = { mean: number | null };

/**
 * The average over the batches of answers still in the window. `answers` are every answer ever
 * given about the manager, so that batches are always cut from the first (releasedBatches). In a
 * batch, a report who answered twice counts with their later answer. A batch counts while the
 * answer that completed it is at most PULSE_WINDOW_DAYS old, and leaves the window whole.
 * `floorOf` gives each report's organisation floor (raised to three by pulseFloor).
 */
export function pulseSummary(
  answers: readonly PulseAnswer[],
  floorOf: (personId: string) => number,
  now: Date,
): PulseSummary {
  const since = now.getTime() - PULSE_WINDOW_DAYS * 86_400_000;
  const batches = releasedBatches(
    answers.map((answer) => ({
      ...answer,
      contributor: answer.respondentId,
      at: answer.answeredAt,
    })),
    (personId) => pulseFloor(floorOf(personId)),
  );
  const scores = batches
    .filter((batch) => batch[batch.length - 1]!.at.getTime() >= since)
    .flatMap((batch) => [
      ...new Map(batch.map((answer) => [answer.respondentId, answer.score])).values(),
    ]);
  if (!scores.length) return { mean: null };
  return {
    mean: Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10,
  };
}
