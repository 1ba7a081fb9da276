import { disclosureCheck } from "~/modules/disclosure/check";
import { pulseFloor } from "./policy";

/**
 * The pulse: a report says how useful their one-to-ones are, on a short scale, whenever they
 * like (the latest answer counts). Each answer is the report's own; their manager reads only the
 * average over their reports, released by the one disclosure check (app/modules/disclosure) with
 * a floor of at least three reports. Pure.
 */

export const PULSE_SCALE = [
  { value: 1, label: "Not useful" },
  { value: 2, label: "Rarely useful" },
  { value: 3, label: "Sometimes useful" },
  { value: 4, label: "Mostly useful" },
  { value: 5, label: "Very useful" },
] as const;

export const PULSE_MIN = 1;
export const PULSE_MAX = 5;

/** Answers older than this are not counted: the pulse says how one-to-ones feel now. */
export const PULSE_WINDOW_DAYS = 180;

export type PulseAnswer = { respondentId: string; score: number; answeredAt: Date };

export type PulseSummary = { n: number; mean: number | null; suppressed: boolean };

/**
 * The average of each report's latest answer within the window, or nothing when the disclosure
 * check does not release it (fewer reports than the floor: `floorOf` gives each person's
 * organisation floor, raised to three).
 */
export function pulseSummary(managerId: string, answers: readonly PulseAnswer[], floorOf: (personId: string) => number, now: Date): PulseSummary {
  const since = now.getTime() - PULSE_WINDOW_DAYS * 86_400_000;
  const latest = new Map<string, PulseAnswer>();
  for (const answer of answers) {
    if (answer.answeredAt.getTime() < since) continue;
    const seen = latest.get(answer.respondentId);
    if (!seen || seen.answeredAt.getTime() < answer.answeredAt.getTime()) latest.set(answer.respondentId, answer);
  }
  const cellId = `conversation-pulse:${managerId}`;
  const { shown } = disclosureCheck([{ id: cellId, members: [...latest.keys()] }], (personId) => pulseFloor(floorOf(personId)));
  const scores = [...latest.values()].map((answer) => answer.score);
  if (!shown.has(cellId) || !scores.length) return { n: scores.length, mean: null, suppressed: true };
  return { n: scores.length, mean: scores.reduce((sum, score) => sum + score, 0) / scores.length, suppressed: false };
}
