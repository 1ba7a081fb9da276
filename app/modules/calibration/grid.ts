import { z } from "zod";
import { differsFromProposal, MAX_RATIONALE, type OutcomeValue } from "./outcomes";

/**
 * The calibration grid: the session's rating scale across and, where the session collects one,
 * its second dimension up (a 9-box on a three-point scale). Each cell is one final rating (and
 * second value), so moving a person into a cell says exactly what their outcome becomes; the level
 * outcome (stay, promote, not ready) is kept as it stands. Pure: shared by the server, which
 * records moves, and the page, which asks for a reason before a move that needs one.
 */

export type GridCell = { rating: number; second: number | null };

export type GridAxes = {
  /** The session's rating scale, low to high. */
  ratings: readonly { value: number; label: string }[];
  /** The second dimension's points, low to high; null when the session collects none (one row). */
  seconds: readonly { value: number; label: string }[] | null;
};

/** Event kinds of the grid: a move records an outcome; an undo takes one back. Neither is ever changed or deleted. */
export const MOVE_EVENT = "move";
export const UNDO_EVENT = "undo";

/** A move as the grid's forms send it: the person, the cell, the reason (when it differs from the proposal) and the entry's revision the page showed. */
export const MoveSchema = z.object({
  entryId: z.string({ error: "calibration:errors.choosePerson" }).trim().min(1).max(100),
  rating: z.coerce
    .number({ error: "calibration:errors.chooseRating" })
    .int({ error: "calibration:errors.chooseRating" }),
  second: z.coerce
    .number()
    .int()
    .min(1, { error: "calibration:errors.secondPoint" })
    .max(3, { error: "calibration:errors.secondPoint" })
    .optional(),
  reason: z
    .string()
    .trim()
    .max(MAX_RATIONALE, { error: "calibration:errors.textTooLong" })
    .default(""),
  revision: z.coerce.number({ error: "calibration:errors.reloadAndMove" }).int().min(0),
});

export const cellKey = (cell: GridCell) => `${cell.rating}:${cell.second ?? "-"}`;

/** The cell a rating (and second value) names, or null when it is not on the grid: no rating, off the scale, or no second value where one is collected. */
export function cellOf(
  value: { rating: number | null; second: number | null },
  axes: GridAxes,
): GridCell | null {
  if (value.rating === null || !axes.ratings.some((point) => point.value === value.rating))
    return null;
  if (axes.seconds === null) return { rating: value.rating, second: null };
  if (value.second === null || !axes.seconds.some((point) => point.value === value.second))
    return null;
  return { rating: value.rating, second: value.second };
}

/** Where a person stands: their final outcome once recorded (decided), else the proposal; null when neither places them. */
export function placeOf(
  entry: { final: OutcomeValue | null; proposal: OutcomeValue | null },
  axes: GridAxes,
): { cell: GridCell; decided: boolean } | null {
  if (entry.final && entry.final.rating !== null) {
    const cell = cellOf(entry.final, axes);
    return cell ? { cell, decided: true } : null;
  }
  const cell = entry.proposal ? cellOf(entry.proposal, axes) : null;
  return cell ? { cell, decided: false } : null;
}

/**
 * The outcome a move into a cell records: the cell's rating (and second value), with the level
 * outcome as it stands: the final outcome's once recorded, else the proposal's, else stay at level.
 */
export function outcomeForCell(
  cell: GridCell,
  entry: { final: OutcomeValue | null; proposal: OutcomeValue | null },
): OutcomeValue {
  const standing = entry.final?.outcome
    ? entry.final
    : entry.proposal?.outcome
      ? entry.proposal
      : null;
  return {
    rating: cell.rating,
    second: cell.second,
    outcome: standing?.outcome ?? "stay",
    levelId: standing?.outcome === "promote" ? standing.levelId : null,
  };
}

/** Whether a move into a cell needs a reason: the outcome it records differs from the proposal (the final-outcome form's rule). */
export function moveNeedsReason(
  cell: GridCell,
  entry: { final: OutcomeValue | null; proposal: OutcomeValue | null },
  axes: GridAxes,
): boolean {
  return differsFromProposal(outcomeForCell(cell, entry), entry.proposal, axes.seconds !== null);
}

export type GridKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

/**
 * The cell a key goes to from this one: left and right along the scale as the page shows it (a
 * right-to-left page puts the scale's start on the right, so there the right arrow goes down the
 * scale), up and down the second dimension, Home and End to the ends of the row; the edges hold.
 */
export function neighbourCell(
  cell: GridCell,
  key: GridKey,
  axes: GridAxes,
  direction: "ltr" | "rtl" = "ltr",
): GridCell {
  const ratings = axes.ratings.map((point) => point.value);
  const seconds = axes.seconds?.map((point) => point.value) ?? null;
  const clamp = (index: number, length: number) => Math.max(0, Math.min(length - 1, index));
  const ratingIndex = Math.max(0, ratings.indexOf(cell.rating));
  switch (key) {
    case "ArrowLeft":
    case "ArrowRight":
      return {
        ...cell,
        rating:
          ratings[
            clamp(
              ratingIndex + ((key === "ArrowRight") === (direction === "ltr") ? 1 : -1),
              ratings.length,
            )
          ]!,
      };
    case "Home":
      return { ...cell, rating: ratings[0]! };
    case "End":
      return { ...cell, rating: ratings[ratings.length - 1]! };
    case "ArrowUp":
    case "ArrowDown": {
      if (seconds === null) return cell;
      const index = Math.max(0, seconds.indexOf(cell.second ?? seconds[0]!));
      return {
        ...cell,
        second: seconds[clamp(index + (key === "ArrowUp" ? 1 : -1), seconds.length)]!,
      };
    }
  }
}

/** The cell a keyboard move starts from: where the person stands, else the middle of the grid. */
export function startCell(place: { cell: GridCell } | null, axes: GridAxes): GridCell {
  if (place) return place.cell;
  const rating = axes.ratings[Math.floor((axes.ratings.length - 1) / 2)]!.value;
  const second = axes.seconds
    ? axes.seconds[Math.floor((axes.seconds.length - 1) / 2)]!.value
    : null;
  return { rating, second };
}

/** A move or an undo as the history holds it, oldest first. */
export type GridEvent = { id: string; kind: string; actorId: string; undoes: string | null };

/**
 * The move an undo takes back: the viewer's own latest move that no undo has taken back yet. Undoing
 * again takes back the one before, and so on; another facilitator's moves are theirs to undo.
 */
export function lastUndoableMove<T extends GridEvent>(
  events: readonly T[],
  actorId: string,
): T | null {
  const undone = new Set(
    events.flatMap((event) => (event.kind === UNDO_EVENT && event.undoes ? [event.undoes] : [])),
  );
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.kind === MOVE_EVENT && event.actorId === actorId && !undone.has(event.id))
      return event;
  }
  return null;
}

export type FieldChange = Record<string, [unknown, unknown]>;

/** What an undo writes: every field the move changed, back from what it became to what it was. */
export function undoChange(move: FieldChange): FieldChange {
  return Object.fromEntries(Object.entries(move).map(([field, [from, to]]) => [field, [to, from]]));
}

/** Is the entry still as the move left it? If anything it changed has changed since, an undo would overwrite that, so it is refused. */
export function stillAsMoved(move: FieldChange, entry: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(move).every(([field, [, to]]) => (entry[field] ?? null) === (to ?? null));
}
