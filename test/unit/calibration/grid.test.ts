import { describe, expect, test } from "vitest";
import {
  cellOf,
  lastUndoableMove,
  moveNeedsReason,
  neighbourCell,
  outcomeForCell,
  placeOf,
  startCell,
  stillAsMoved,
  undoChange,
  type GridAxes,
} from "~/modules/calibration/grid";
import { differsFromProposal, type OutcomeValue } from "~/modules/calibration/outcomes";

const scale = [1, 2, 3, 4].map((value) => ({ value, label: `P${value}` }));
const potential = [1, 2, 3].map((value) => ({
  value,
  label: ["Low", "Medium", "High"][value - 1]!,
}));
const nineBox: GridAxes = { ratings: scale, seconds: potential };
const oneRow: GridAxes = { ratings: scale, seconds: null };
const outcome = (
  rating: number | null,
  second: number | null,
  rest: Partial<OutcomeValue> = {},
): OutcomeValue => ({ rating, second, outcome: "stay", levelId: null, ...rest });

describe("grid cells and outcomes", () => {
  test("a cell is one rating on the scale and, where collected, one second value; anything else is off the grid", () => {
    expect(cellOf({ rating: 3, second: 2 }, nineBox)).toEqual({ rating: 3, second: 2 });
    expect(cellOf({ rating: 3, second: null }, nineBox)).toBeNull();
    expect(cellOf({ rating: 5, second: 2 }, nineBox)).toBeNull();
    expect(cellOf({ rating: 3, second: 4 }, nineBox)).toBeNull();
    expect(cellOf({ rating: null, second: 2 }, nineBox)).toBeNull();
    // Without a second dimension the grid is one row, and a stray second value is ignored.
    expect(cellOf({ rating: 2, second: 3 }, oneRow)).toEqual({ rating: 2, second: null });
  });

  test("a person stands where their final outcome puts them, else where the proposal does, else nowhere", () => {
    expect(placeOf({ final: outcome(4, 3), proposal: outcome(3, 2) }, nineBox)).toEqual({
      cell: { rating: 4, second: 3 },
      decided: true,
    });
    expect(placeOf({ final: outcome(null, null), proposal: outcome(3, 2) }, nineBox)).toEqual({
      cell: { rating: 3, second: 2 },
      decided: false,
    });
    expect(placeOf({ final: null, proposal: null }, nineBox)).toBeNull();
    expect(placeOf({ final: null, proposal: outcome(3, null) }, nineBox)).toBeNull();
  });

  test("a move records the cell's rating and second value and keeps the level outcome as it stands", () => {
    const promote = outcome(3, 2, { outcome: "promote", levelId: "ic3" });
    // From the proposal while nothing is recorded…
    expect(outcomeForCell({ rating: 4, second: 3 }, { final: null, proposal: promote })).toEqual({
      rating: 4,
      second: 3,
      outcome: "promote",
      levelId: "ic3",
    });
    // …from the recorded outcome once there is one…
    expect(
      outcomeForCell({ rating: 2, second: 1 }, { final: outcome(3, 2), proposal: promote }),
    ).toEqual({ rating: 2, second: 1, outcome: "stay", levelId: null });
    // …and stay at level when there is neither.
    expect(outcomeForCell({ rating: 1, second: null }, { final: null, proposal: null })).toEqual({
      rating: 1,
      second: null,
      outcome: "stay",
      levelId: null,
    });
    // The cell's outcome read back is the cell.
    expect(
      cellOf(outcomeForCell({ rating: 4, second: 1 }, { final: null, proposal: promote }), nineBox),
    ).toEqual({ rating: 4, second: 1 });
  });

  test("a move needs a reason exactly when the final-outcome form would ask for one", () => {
    const proposal = outcome(3, 2);
    expect(moveNeedsReason({ rating: 3, second: 2 }, { final: null, proposal }, nineBox)).toBe(
      false,
    );
    expect(moveNeedsReason({ rating: 4, second: 2 }, { final: null, proposal }, nineBox)).toBe(
      true,
    );
    expect(moveNeedsReason({ rating: 3, second: 3 }, { final: null, proposal }, nineBox)).toBe(
      true,
    );
    // Back to the proposal's cell from a recorded outcome that differed: no reason.
    expect(
      moveNeedsReason({ rating: 3, second: 2 }, { final: outcome(4, 2), proposal }, nineBox),
    ).toBe(false);
    // The proposal's cell, but the recorded outcome keeps a promotion the proposal did not ask for.
    expect(
      moveNeedsReason(
        { rating: 3, second: 2 },
        { final: outcome(4, 2, { outcome: "promote", levelId: "ic3" }), proposal },
        nineBox,
      ),
    ).toBe(true);
    // Nobody proposed: any cell differs.
    expect(
      moveNeedsReason({ rating: 3, second: null }, { final: null, proposal: null }, oneRow),
    ).toBe(true);
    // The second dimension counts only where the session collects one.
    expect(differsFromProposal(outcome(3, 1), outcome(3, 2), false)).toBe(false);
    expect(differsFromProposal(outcome(3, 1), outcome(3, 2), true)).toBe(true);
    // A level given with "stay" is no level.
    expect(differsFromProposal(outcome(3, 2, { levelId: "ic3" }), outcome(3, 2), true)).toBe(false);
  });
});

describe("moving by keyboard", () => {
  test("arrows move along the scale and up and down the second dimension, Home and End to the ends; the edges hold", () => {
    const from = { rating: 2, second: 2 };
    expect(neighbourCell(from, "ArrowRight", nineBox)).toEqual({ rating: 3, second: 2 });
    expect(neighbourCell(from, "ArrowLeft", nineBox)).toEqual({ rating: 1, second: 2 });
    expect(neighbourCell(from, "ArrowUp", nineBox)).toEqual({ rating: 2, second: 3 });
    expect(neighbourCell(from, "ArrowDown", nineBox)).toEqual({ rating: 2, second: 1 });
    expect(neighbourCell(from, "End", nineBox)).toEqual({ rating: 4, second: 2 });
    expect(neighbourCell(from, "Home", nineBox)).toEqual({ rating: 1, second: 2 });
    expect(neighbourCell({ rating: 4, second: 3 }, "ArrowRight", nineBox)).toEqual({
      rating: 4,
      second: 3,
    });
    expect(neighbourCell({ rating: 4, second: 3 }, "ArrowUp", nineBox)).toEqual({
      rating: 4,
      second: 3,
    });
    expect(neighbourCell({ rating: 1, second: 1 }, "ArrowDown", nineBox)).toEqual({
      rating: 1,
      second: 1,
    });
    expect(neighbourCell({ rating: 2, second: null }, "ArrowUp", oneRow)).toEqual({
      rating: 2,
      second: null,
    });
  });

  test("on a right-to-left page the scale starts on the right: the right arrow goes down it, the left arrow up", () => {
    const from = { rating: 2, second: 2 };
    expect(neighbourCell(from, "ArrowRight", nineBox, "rtl")).toEqual({ rating: 1, second: 2 });
    expect(neighbourCell(from, "ArrowLeft", nineBox, "rtl")).toEqual({ rating: 3, second: 2 });
    expect(neighbourCell(from, "ArrowUp", nineBox, "rtl")).toEqual({ rating: 2, second: 3 });
  });

  test("a keyboard move starts where the person stands, or in the middle of the grid", () => {
    expect(startCell({ cell: { rating: 4, second: 1 } }, nineBox)).toEqual({
      rating: 4,
      second: 1,
    });
    expect(startCell(null, nineBox)).toEqual({ rating: 2, second: 2 });
    expect(startCell(null, oneRow)).toEqual({ rating: 2, second: null });
  });
});

describe("undoing a move", () => {
  const move = (id: string, actorId = "sam") => ({ id, kind: "move", actorId, undoes: null });
  const undo = (id: string, undoes: string, actorId = "sam") => ({
    id,
    kind: "undo",
    actorId,
    undoes,
  });

  test("takes back the viewer's own latest move not yet undone, then the one before; never another's", () => {
    expect(lastUndoableMove([], "sam")).toBeNull();
    const history = [
      move("m1"),
      move("m2"),
      { id: "f1", kind: "final", actorId: "sam", undoes: null },
      move("a1", "ada"),
    ];
    expect(lastUndoableMove(history, "sam")?.id).toBe("m2");
    expect(lastUndoableMove([...history, undo("u1", "m2")], "sam")?.id).toBe("m1");
    expect(lastUndoableMove([...history, undo("u1", "m2"), undo("u2", "m1")], "sam")).toBeNull();
    expect(lastUndoableMove(history, "ada")?.id).toBe("a1");
    // A move undone by someone else (an admin) is undone for everyone.
    expect(lastUndoableMove([...history, undo("u3", "m2", "ada")], "sam")?.id).toBe("m1");
    // A later move comes back to the top.
    expect(lastUndoableMove([...history, undo("u1", "m2"), move("m3")], "sam")?.id).toBe("m3");
  });

  test("an undo writes each changed field back, and only while the entry is still as the move left it", () => {
    const change = {
      finalRating: [null, 4],
      finalSecond: [null, 3],
      finalReason: [null, "Stronger than proposed."],
    } as Record<string, [unknown, unknown]>;
    expect(undoChange(change)).toEqual({
      finalRating: [4, null],
      finalSecond: [3, null],
      finalReason: ["Stronger than proposed.", null],
    });
    expect(
      stillAsMoved(change, {
        finalRating: 4,
        finalSecond: 3,
        finalReason: "Stronger than proposed.",
        finalOutcome: "stay",
      }),
    ).toBe(true);
    expect(
      stillAsMoved(change, {
        finalRating: 3,
        finalSecond: 3,
        finalReason: "Stronger than proposed.",
      }),
    ).toBe(false);
    expect(stillAsMoved({ finalReason: ["Why", null] }, { finalReason: undefined })).toBe(true);
  });
});
