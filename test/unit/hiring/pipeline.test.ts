import { describe, expect, test } from "vitest";
import {
  checkMove,
  funnel,
  movesFrom,
  PIPELINE_COLUMN_LIMIT,
  shownInColumn,
  stageCounts,
  timeInStage,
  type CandidateHistory,
  type PipelineMove,
  type PipelineStage,
} from "~/modules/hiring/pipeline";

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 24 * 60 * 60 * 1000);
/** A history from stops: [stage, day entered], the first an entry. */
const history = (...stops: [PipelineStage, number][]): CandidateHistory => ({
  moves: stops.map(([to, at], index): PipelineMove => ({
    from: index === 0 ? null : stops[index - 1]![0],
    to,
    at: day(at),
  })),
});
const move = (
  to: PipelineStage,
  reason: Parameters<typeof checkMove>[1]["reason"] = null,
  note = "",
) => ({ to, reason, note });

describe("moves a candidate may make", () => {
  test("active stages move forward and back; the next stage is offered first", () => {
    expect(checkMove("screen", move("interviews"))).toEqual({ ok: true, kind: "forward" });
    expect(checkMove("offer", move("interviews"))).toEqual({ ok: true, kind: "back" });
    expect(checkMove("interviews", move("interviews"))).toMatchObject({ ok: false, field: "to" });
    expect(movesFrom("screen")).toEqual(["interviews", "offer", "hired", "rejected"]);
    expect(movesFrom("offer")).toEqual(["hired", "screen", "interviews", "rejected"]);
    expect(movesFrom("rejected")).toEqual(["screen", "interviews", "offer"]);
    expect(movesFrom("hired")).toEqual([]);
  });

  test("a rejection needs a reason from the list, and a note when the reason is “other”", () => {
    expect(checkMove("screen", move("rejected"))).toMatchObject({ ok: false, field: "reason" });
    expect(checkMove("screen", move("rejected", "other"))).toMatchObject({
      ok: false,
      field: "note",
    });
    expect(checkMove("screen", move("rejected", "other", "  "))).toMatchObject({
      ok: false,
      field: "note",
    });
    expect(
      checkMove("screen", move("rejected", "other", "Needs a visa we cannot sponsor")),
    ).toEqual({ ok: true, kind: "reject" });
    expect(checkMove("interviews", move("rejected", "interviews"))).toEqual({
      ok: true,
      kind: "reject",
    });
  });

  test("hired comes after an offer, or with a note saying why the offer was skipped", () => {
    expect(checkMove("offer", move("hired"))).toEqual({ ok: true, kind: "hire" });
    expect(checkMove("interviews", move("hired"))).toMatchObject({
      ok: false,
      field: "note",
      message: "hiring:pipeline.errors.offerSkipped",
    });
    expect(
      checkMove("interviews", move("hired", null, "Returning employee, contract signed directly")),
    ).toEqual({ ok: true, kind: "hire" });
  });

  test("a rejected candidate is reopened into an active stage; a hire stays hired", () => {
    expect(checkMove("rejected", move("interviews"))).toEqual({ ok: true, kind: "reopen" });
    expect(checkMove("rejected", move("hired"))).toMatchObject({ ok: false, field: "to" });
    expect(checkMove("hired", move("offer"))).toMatchObject({
      ok: false,
      message: "hiring:pipeline.errors.hireStays",
    });
  });
});

describe("figures read from the moves", () => {
  const histories = [
    history(["screen", 0]),
    history(["screen", 0], ["rejected", 2]),
    history(["screen", 0], ["interviews", 4]),
    history(["screen", 0], ["interviews", 2], ["rejected", 10]),
    history(["screen", 0], ["interviews", 1], ["offer", 8], ["hired", 12]),
    // Skipped the offer; then a candidate rejected at interviews and reopened there.
    history(["screen", 0], ["interviews", 3], ["hired", 9]),
    history(["screen", 0], ["interviews", 5], ["rejected", 6], ["interviews", 20]),
  ];

  test("stage counts are where each candidate stands now", () => {
    expect(stageCounts(histories)).toEqual({
      screen: 1,
      interviews: 2,
      offer: 0,
      hired: 2,
      rejected: 2,
    });
  });

  test("conversion is over the candidates decided at each stage; a skipped stage counts as passed; a reopened candidate is open again", () => {
    const rows = funnel(histories);
    expect(
      rows.map(({ stage, reached, movedOn, rejected, open }) => [
        stage,
        reached,
        movedOn,
        rejected,
        open,
      ]),
    ).toEqual([
      ["screen", 7, 5, 1, 1],
      ["interviews", 5, 2, 1, 2],
      ["offer", 2, 2, 0, 0],
      ["hired", 2, 0, 0, 0],
    ]);
    expect(rows.map((row) => row.conversion)).toEqual([5 / 6, 2 / 3, 1, null]);
    expect(funnel([])[0]).toEqual({
      stage: "screen",
      reached: 0,
      movedOn: 0,
      rejected: 0,
      open: 0,
      conversion: null,
    });
  });

  test("a move back does not undo having reached the later stage", () => {
    const back = history(
      ["screen", 0],
      ["interviews", 1],
      ["offer", 3],
      ["interviews", 4],
      ["rejected", 6],
    );
    expect(funnel([back]).map((row) => [row.stage, row.movedOn, row.rejected])).toEqual([
      ["screen", 1, 0],
      ["interviews", 1, 0],
      ["offer", 0, 1],
      ["hired", 0, 0],
    ]);
  });

  test("time in stage: the median of the stays that ended, apart from those still running", () => {
    const rows = timeInStage(histories, day(30));
    // Screen stays that ended: 2, 4, 2, 1, 3, 5 days; one candidate has waited 30 days.
    expect(rows.find((row) => row.stage === "screen")).toEqual({
      stage: "screen",
      completed: 6,
      medianDays: 2.5,
      waiting: 1,
      medianWaitingDays: 30,
    });
    // Interviews: 8, 7, 6, 1 ended; 26 and 10 days running.
    expect(rows.find((row) => row.stage === "interviews")).toEqual({
      stage: "interviews",
      completed: 4,
      medianDays: 6.5,
      waiting: 2,
      medianWaitingDays: 18,
    });
    expect(rows.find((row) => row.stage === "offer")).toEqual({
      stage: "offer",
      completed: 1,
      medianDays: 4,
      waiting: 0,
      medianWaitingDays: null,
    });
  });
});

describe("a column of the board", () => {
  test("shows up to the limit, or the whole column the viewer opened", () => {
    expect(shownInColumn("screen", 10, null)).toBe(10);
    expect(shownInColumn("screen", 300, null)).toBe(PIPELINE_COLUMN_LIMIT);
    expect(shownInColumn("screen", 300, "screen")).toBe(300);
    expect(shownInColumn("offer", 300, "screen")).toBe(PIPELINE_COLUMN_LIMIT);
  });
});
