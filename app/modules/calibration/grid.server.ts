import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { erasedAmong } from "~/modules/people/erased.server";
import { ConflictError, InvalidError } from "~/modules/errors";
import {
  cellKey,
  lastUndoableMove,
  MOVE_EVENT,
  outcomeForCell,
  placeOf,
  stillAsMoved,
  UNDO_EVENT,
  undoChange,
  type FieldChange,
  type GridAxes,
  type GridCell,
} from "./grid";
import { announceSessionChange } from "./live.server";
import type { LevelOutcome } from "./entries";
import { canRecordOutcome } from "./policy";
import { SECOND_DIMENSION_POINTS } from "./scale";
import { applyFilters, baseFor, type SessionFilters } from "./session-view.server";
import {
  requireEntry,
  requireOutcomeRight,
  requireSessionAccess,
  writeOutcome,
  type Saved,
} from "./sessions.server";

/**
 * The calibration grid (decision 043): people placed by their outcome (the final one once recorded,
 * else the proposal), moved from cell to cell by the facilitator (or an admin) to record their final
 * outcome, under the same rule as the final-outcome form; each move an event, each undo another.
 */

/** The entry's fields a move writes, and so the only ones an undo writes back. */
const OUTCOME_FIELDS = new Set([
  "finalRating",
  "finalOutcome",
  "finalLevelId",
  "finalReason",
  "finalSecond",
]);

/** People shown on the grid at once; with more, the page asks for a filter (the cells still count everyone). */
export const GRID_PEOPLE = 100;

type OutcomeOf = {
  rating: number | null;
  outcome: LevelOutcome | null;
  levelId: string | null;
  second: number | null;
} | null;
const valueOf = (outcome: OutcomeOf) =>
  outcome
    ? {
        rating: outcome.rating,
        outcome: outcome.outcome,
        levelId: outcome.levelId,
        second: outcome.second,
      }
    : null;

/** The grid as the viewer sees it: the axes, who stands in which cell (as far as the filters keep), and the viewer's move to undo. */
export async function gridView(
  viewer: Viewer,
  sessionId: string,
  filters: SessionFilters,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const session = await requireSessionAccess(viewer, sessionId);
  const base = await baseFor(viewer, session, language);
  const axes: GridAxes = {
    ratings: base.ratingScale.points.map((point) => ({ value: point.value, label: point.label })),
    seconds: session.secondDimension
      ? SECOND_DIMENSION_POINTS.map((point) => ({ ...point }))
      : null,
  };
  const { shown, filterProblems } = applyFilters(base, filters);
  const people = shown.map((entry) => {
    const final = valueOf(entry.final);
    const proposal = valueOf(entry.proposal);
    return {
      id: entry.id,
      name: entry.name,
      manager: entry.manager,
      place: entry.place,
      revision: entry.revision,
      final,
      proposal,
      at: placeOf({ final, proposal }, axes),
    };
  });
  const counts: Record<string, { decided: number; proposed: number }> = {};
  for (const person of people) {
    if (!person.at) continue;
    const count = (counts[cellKey(person.at.cell)] ??= { decided: 0, proposed: 0 });
    if (person.at.decided) count.decided += 1;
    else count.proposed += 1;
  }
  // Erased former colleagues stay in the cells' counts, never placed one by one (decision 091).
  const erased = await erasedAmong(shown.map((entry) => entry.personId));
  const listed = people.filter((_, index) => readableAsPerson(erased.has(shown[index]!.personId)));
  const canMove = canRecordOutcome(viewer, session.access);
  return {
    session: {
      id: session.id,
      name: session.name,
      state: session.state,
      secondDimension: session.secondDimension,
    },
    axes,
    canMove,
    counts,
    total: people.length,
    unplacedCount: people.filter((person) => !person.at).length,
    /** Too many to show one by one: the page asks for a filter. */
    people: listed.length <= GRID_PEOPLE ? listed : null,
    erased: people.length - listed.length,
    limit: GRID_PEOPLE,
    lastMove: canMove
      ? await lastMoveOf(viewer, session.id, new Map(shown.map((entry) => [entry.id, entry.name])))
      : null,
    filters,
    filterProblems,
    filterOptions: base.filterOptions,
  };
}

/** The session's moves and undos, oldest first, as the undo reads them. */
async function gridEvents(sessionId: string) {
  const events = await db.calibrationEvent.findMany({
    where: { sessionId, kind: { in: [MOVE_EVENT, UNDO_EVENT] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, actorId: true, entryId: true, change: true },
  });
  return events.map(({ change, ...event }) => {
    const parsed = JSON.parse(change) as Record<string, unknown>;
    const { undoes, ...fields } = parsed;
    return {
      ...event,
      undoes: typeof undoes === "string" ? undoes : null,
      fields: fields as FieldChange,
    };
  });
}

/** The viewer's move an undo would take back, said as the page offers it: who, and where they were moved. */
async function lastMoveOf(viewer: Viewer, sessionId: string, names: Map<string, string>) {
  const move = lastUndoableMove(await gridEvents(sessionId), viewer.id);
  if (!move?.entryId) return null;
  return { name: names.get(move.entryId) ?? "someone not shown with these filters" };
}

/**
 * A move on the grid: the person's final outcome becomes the cell's rating (and second value), with
 * their level outcome as it stands. It is recorded as the final-outcome form records one (writeOutcome):
 * a reason whenever it differs from the proposal, nothing written when it changes nothing, a conflict
 * when the entry changed since the revision the page showed.
 */
export async function moveOnGrid(
  viewer: Viewer,
  sessionId: string,
  move: {
    entryId: string;
    cell: { rating: number; second?: number | null };
    reason: string;
    revision: number;
  },
): Promise<Saved> {
  const found = await requireEntry(viewer, move.entryId, sessionId);
  const { entry, session } = found;
  requireOutcomeRight(viewer, session);
  const cell: GridCell = {
    rating: move.cell.rating,
    second: session.secondDimension ? (move.cell.second ?? null) : null,
  };
  const target = outcomeForCell(cell, {
    final:
      entry.finalRating === null
        ? null
        : {
            rating: entry.finalRating,
            outcome: entry.finalOutcome,
            levelId: entry.finalLevelId,
            second: entry.finalSecond,
          },
    proposal:
      entry.proposedRating === null
        ? null
        : {
            rating: entry.proposedRating,
            outcome: entry.proposedOutcome,
            levelId: entry.proposedLevelId,
            second: entry.proposedSecond,
          },
  });
  return writeOutcome(
    viewer,
    found,
    {
      rating: target.rating!,
      outcome: target.outcome as LevelOutcome,
      levelId: target.levelId ?? undefined,
      second: target.second ?? undefined,
      text: move.reason,
      revision: move.revision,
    },
    MOVE_EVENT,
  );
}

/**
 * Takes back the viewer's latest move not yet undone (lastUndoableMove): the fields it changed go
 * back to what they were, in one transaction with an "undo" event that names the move; nothing is
 * deleted. Refused, changing nothing, when the entry changed since the move (an undo would overwrite
 * that change) or when the viewer has no move to undo.
 */
export async function undoLastMove(
  viewer: Viewer,
  sessionId: string,
): Promise<{ entryId: string; name: string }> {
  requireOutcomeRight(viewer, await requireSessionAccess(viewer, sessionId));
  const move = lastUndoableMove(await gridEvents(sessionId), viewer.id);
  if (!move?.entryId) throw new InvalidError({ key: "calibration:errors.noMoveToUndo" });
  const { entry } = await requireEntry(viewer, move.entryId, sessionId);
  const person = await db.user.findUniqueOrThrow({
    where: { id: entry.personId },
    select: { name: true },
  });
  const conflict = { key: "calibration:errors.undoAfterChange", values: { name: person.name } };
  if (!stillAsMoved(move.fields, entry)) throw new ConflictError(conflict);
  const back = undoChange(
    Object.fromEntries(Object.entries(move.fields).filter(([field]) => OUTCOME_FIELDS.has(field))),
  );
  const data = Object.fromEntries(Object.entries(back).map(([field, [, to]]) => [field, to]));
  await db.$transaction(async (tx) => {
    const written = await tx.calibrationEntry.updateMany({
      where: { id: entry.id, revision: entry.revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (written.count !== 1) throw new ConflictError(conflict);
    await tx.calibrationEvent.create({
      data: {
        sessionId,
        entryId: entry.id,
        actorId: viewer.id,
        kind: UNDO_EVENT,
        change: JSON.stringify({ ...back, undoes: move.id }),
      },
    });
  });
  await announceSessionChange(sessionId);
  return { entryId: entry.id, name: person.name };
}
