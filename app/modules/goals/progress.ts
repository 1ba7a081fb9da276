import { largest, smallest } from "~/utils/extremes";
/**
 * A key result's progress, an objective's, a closed period's final scores and how each score
 * reads. Pure: the pages, the to-do list, the closing of a period and the tests run the same code.
 * Progress is computed from values, never typed: how far the latest value has moved from the start
 * towards the target, in the key result's direction, clamped to 0..1.
 */

export const KEY_RESULT_KINDS = ["metric", "percent", "binary"] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

export const DIRECTIONS = ["increase", "decrease"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const COMMITMENTS = ["committed", "aspirational"] as const;
export type Commitment = (typeof COMMITMENTS)[number];

export const CONFIDENCES = ["onTrack", "atRisk", "offTrack"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type KeyResultShape = {
  kind: KeyResultKind;
  direction: Direction;
  startValue: number;
  targetValue: number;
};

/** Whether a start, a target and a direction agree: an increase ends above its start, a decrease below. */
export function shapeAgrees(shape: KeyResultShape): boolean {
  if (shape.kind === "binary") return true;
  return shape.direction === "increase"
    ? shape.targetValue > shape.startValue
    : shape.targetValue < shape.startValue;
}

function clamp(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * How far `value` has gone from the start to the target, 0..1. Done / not done is 0 or 1 (any
 * value at or past 1 is done). A value past the target is 1; one behind the start is 0. No value
 * yet is the start: 0.
 */
export function keyResultProgress(shape: KeyResultShape, value: number | null): number {
  if (value === null) return 0;
  if (shape.kind === "binary") return value >= 1 ? 1 : 0;
  const span = shape.targetValue - shape.startValue;
  if (span === 0) return 0;
  const moved =
    shape.direction === "increase" ? value - shape.startValue : shape.startValue - value;
  return clamp(moved / Math.abs(span));
}

/** An objective's progress: the mean of its key results' (null with none yet). */
export function objectiveProgress(progresses: readonly number[]): number | null {
  if (progresses.length === 0) return null;
  return progresses.reduce((sum, progress) => sum + progress, 0) / progresses.length;
}

/** How a final score reads against what its commitment expects. */
export type ScoreReading = "beyond" | "asExpected" | "short";

/**
 * Committed key results are read against 1.0: done is as expected, anything less is short.
 * Aspirational ones against the usual 0.6 to 0.7: within it as expected, above it beyond (the
 * target may have been set too low), below it short.
 */
export const ASPIRATIONAL_EXPECTED = { low: 0.6, high: 0.7 } as const;

export function scoreReading(commitment: Commitment, score: number): ScoreReading {
  if (commitment === "committed") return score >= 1 ? "asExpected" : "short";
  if (score > ASPIRATIONAL_EXPECTED.high) return "beyond";
  return score >= ASPIRATIONAL_EXPECTED.low ? "asExpected" : "short";
}

/** An unfinished objective (some key result short of its target) may be carried into another period. */
export function isUnfinished(progresses: readonly number[]): boolean {
  return progresses.length === 0 || progresses.some((progress) => progress < 1);
}

/** Key results per objective: two to five. An objective may be saved with fewer while drafting, never with more. */
export const MIN_KEY_RESULTS = 2;
export const MAX_KEY_RESULTS = 5;

export function keyResultCountState(count: number): "drafting" | "complete" | "full" {
  if (count < MIN_KEY_RESULTS) return "drafting";
  return count >= MAX_KEY_RESULTS ? "full" : "complete";
}

/** Check-ins are weekly by default: one is due when none came in the last seven days of an open period. */
export const CHECK_IN_EVERY_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;

export function checkInDue(lastCheckInAt: Date | null, now: Date): boolean {
  return (
    lastCheckInAt === null || now.getTime() - lastCheckInAt.getTime() >= CHECK_IN_EVERY_DAYS * DAY
  );
}

/** Once due, a check-in is expected within this many days: the day its reminders count down to. */
export const CHECK_IN_EXPECTED_WITHIN_DAYS = 2;

/**
 * The day a due check-in is expected by: two days after the day it fell due (a week after the last
 * one, or when the key result was written or its period began, whichever is later), and never after
 * the period's last day. Reminders are dated by it, so each week's due check-in is told once as due
 * soon and once if it is late.
 */
export function checkInExpectedBy(
  lastCheckInAt: Date | null,
  keyResult: { createdAt: Date },
  period: { startsOn: Date; endsOn: Date },
): Date {
  const fellDue = lastCheckInAt
    ? lastCheckInAt.getTime() + CHECK_IN_EVERY_DAYS * DAY
    : Math.max(keyResult.createdAt.getTime(), period.startsOn.getTime());
  const day = Math.floor(fellDue / DAY) * DAY;
  return new Date(Math.min(day + CHECK_IN_EXPECTED_WITHIN_DAYS * DAY, period.endsOn.getTime()));
}

/** The quarter (UTC) a day falls in, as the default period: first and last day, and its name ("2027 Q1"). */
export function quarterOf(day: Date): { name: string; startsOn: Date; endsOn: Date } {
  const year = day.getUTCFullYear();
  const quarter = Math.floor(day.getUTCMonth() / 3);
  return {
    name: `${year} Q${quarter + 1}`,
    startsOn: new Date(Date.UTC(year, quarter * 3, 1)),
    endsOn: new Date(Date.UTC(year, quarter * 3 + 3, 0)),
  };
}

/** The quarter after the one a day falls in. */
export function nextQuarter(day: Date): { name: string; startsOn: Date; endsOn: Date } {
  const { endsOn } = quarterOf(day);
  return quarterOf(new Date(endsOn.getTime() + DAY));
}

/** Whether a period is open on a day: not closed, and the day within its dates (inclusive, whole days). */
export function periodOpenOn(
  period: { startsOn: Date; endsOn: Date; closedAt: Date | null },
  now: Date,
): boolean {
  return (
    period.closedAt === null &&
    now.getTime() >= period.startsOn.getTime() &&
    now.getTime() < period.endsOn.getTime() + DAY
  );
}

/** The chart's two lines: the straight line from start to target over the period, and the values' path. */
export function chartPoints(
  shape: KeyResultShape,
  period: { startsOn: Date; endsOn: Date },
  checkIns: readonly { at: Date; value: number }[],
): { ideal: [Point, Point]; path: Point[]; low: number; high: number } {
  const from = period.startsOn.getTime();
  const to = period.endsOn.getTime() + DAY;
  const x = (at: Date) => clamp((at.getTime() - from) / (to - from));
  const values = [shape.startValue, shape.targetValue, ...checkIns.map((checkIn) => checkIn.value)];
  const low = smallest(values);
  const high = largest(values);
  const y = (value: number) => (high === low ? 0 : (value - low) / (high - low));
  return {
    ideal: [
      { x: 0, y: y(shape.startValue) },
      { x: 1, y: y(shape.targetValue) },
    ],
    path: [
      { x: 0, y: y(shape.startValue) },
      ...checkIns.map((checkIn) => ({ x: x(checkIn.at), y: y(checkIn.value) })),
    ],
    low,
    high,
  };
}
export type Point = { x: number; y: number };

/** What keyResultFigure words a figure with: the reader's number format and the goals messages' done and not done. */
export type FigureWords = { measure: (value: number) => string; done: string; notDone: string };

/** The figure words of a reader: `t` scoped to the goals messages, `measure` their number format. */
export function figureWords(
  t: (key: "objective.checkIn.done" | "objective.checkIn.notDone") => string,
  measure: (value: number) => string,
): FigureWords {
  return { measure, done: t("objective.checkIn.done"), notDone: t("objective.checkIn.notDone") };
}

/**
 * A key result's value as a reader reads it, in their language: done or not done for a done / not
 * done key result, else the figure with its unit ("3,087.5 ms", "3.087,5 ms"). The page and the
 * evidence a contribution records word figures this one way.
 */
export function keyResultFigure(
  value: number,
  keyResult: { kind: KeyResultKind; unit: string },
  words: FigureWords,
): string {
  if (keyResult.kind === "binary") return value >= 1 ? words.done : words.notDone;
  const figure = words.measure(value);
  return keyResult.unit ? `${figure} ${keyResult.unit}` : figure;
}
