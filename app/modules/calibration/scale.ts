import type { Ladder, ScalePoint } from "~/modules/ladders";

/**
 * The scales of a calibration session: the overall rating's (the ladder's own scale, or one of
 * its calibration scales) and, when the session collects one, a second dimension rated low /
 * medium / high for the 9-box.
 */

export interface SessionScale {
  /** Null for the ladder's own scale. */
  id: string | null;
  name: string;
  points: ScalePoint[];
  /** The session names a calibration scale the ladder no longer has; the ladder's own scale stands in. */
  missing: boolean;
}

/** The scale a session's overall ratings use. */
export function sessionScale(ladder: Ladder, scaleId: string | null): SessionScale {
  const own = { id: null, name: `${ladder.meta.name} scale`, points: ladder.scale, missing: false };
  if (scaleId === null) return own;
  const scale = ladder.calibrationScales.find((candidate) => candidate.id === scaleId);
  return scale
    ? { id: scale.id, name: scale.name, points: scale.points, missing: false }
    : { ...own, missing: true };
}

/** Is this rating a value on the scale? */
export const onSessionScale = (scale: SessionScale, rating: number) =>
  scale.points.some((point) => point.value === rating);

/** The second dimension's points, for whatever the session calls it (potential, scope…). */
export const SECOND_DIMENSION_POINTS = [
  { value: 1, label: "Low" },
  { value: 2, label: "Medium" },
  { value: 3, label: "High" },
] as const;

export const isSecondDimensionValue = (value: number) =>
  SECOND_DIMENSION_POINTS.some((point) => point.value === value);

/**
 * Which third of the rating scale a rating falls in (1 low, 2 medium, 3 high), by its position
 * on the scale, rounded: on four points 1 is low, 2 and 3 medium, 4 high; on five, 1 low, 2–3
 * medium, 4–5 high; on three, one each. Null when the rating is not on the scale.
 */
export function performanceBand(rating: number, points: readonly ScalePoint[]): 1 | 2 | 3 | null {
  const index = points.findIndex((point) => point.value === rating);
  if (index < 0) return null;
  if (points.length === 1) return 2;
  return (Math.round((index * 2) / (points.length - 1)) + 1) as 1 | 2 | 3;
}

export interface NineBox {
  /** cells[performance - 1][second - 1]: how many people are in each box. */
  cells: number[][];
  /** People with a rating but no second-dimension value (or the reverse): not placed. */
  unplaced: number;
  placed: number;
}

/** Counts people into the 9-box: performance band (from the overall rating) by the second dimension. */
export function nineBox(
  entries: readonly { rating: number | null; second: number | null }[],
  points: readonly ScalePoint[],
): NineBox {
  const cells = [0, 1, 2].map(() => [0, 0, 0]);
  let unplaced = 0;
  let placed = 0;
  for (const entry of entries) {
    if (entry.rating === null && entry.second === null) continue;
    const band = entry.rating === null ? null : performanceBand(entry.rating, points);
    if (band === null || entry.second === null || !isSecondDimensionValue(entry.second)) {
      unplaced += 1;
      continue;
    }
    cells[band - 1]![entry.second - 1]! += 1;
    placed += 1;
  }
  return { cells, unplaced, placed };
}
