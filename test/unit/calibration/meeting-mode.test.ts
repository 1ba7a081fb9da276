import { describe, expect, test } from "vitest";
import {
  agendaNeighbours,
  discussionTimes,
  durationParts,
  NotesSchema,
} from "~/modules/calibration/meeting-mode";

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 23, 14, minute, second));

describe("time per entry in meeting mode", () => {
  test("each entry's time runs from when it is opened to the next step; the entry still open counts up to now", () => {
    const times = discussionTimes(
      [
        { at: at(0), entryId: "lena" },
        { at: at(4, 30), entryId: "omar" },
        { at: at(6), entryId: "pia" },
      ],
      at(9),
    );
    expect(Object.fromEntries(times.perEntry)).toEqual({
      lena: 270_000,
      omar: 90_000,
      pia: 180_000,
    });
    expect(times.totalMs).toBe(540_000);
    expect(times.current).toEqual({ entryId: "pia", since: at(6) });
  });

  test("ending the meeting stops the clock; coming back to an entry adds to its time; opening the open entry again continues it", () => {
    const times = discussionTimes(
      [
        { at: at(0), entryId: "lena" },
        { at: at(1), entryId: "lena" },
        { at: at(2), entryId: "omar" },
        { at: at(3), entryId: "lena" },
        { at: at(5), entryId: null },
        { at: at(30), entryId: null },
      ],
      at(59),
    );
    expect(Object.fromEntries(times.perEntry)).toEqual({ lena: 240_000, omar: 60_000 });
    expect(times.totalMs).toBe(300_000);
    expect(times.current).toBeNull();
    // Opened again while open, the entry keeps the time it was first opened.
    expect(
      discussionTimes(
        [
          { at: at(0), entryId: "lena" },
          { at: at(2), entryId: "lena" },
        ],
        at(3),
      ).current,
    ).toEqual({ entryId: "lena", since: at(0) });
    expect(discussionTimes([], at(0))).toEqual({ perEntry: new Map(), totalMs: 0, current: null });
  });

  test("durations read as people say them", () => {
    expect(durationParts(0)).toEqual({ unit: "seconds", first: 0, second: "" });
    expect(durationParts(45_400)).toEqual({ unit: "seconds", first: 45, second: "" });
    expect(durationParts(185_000)).toEqual({ unit: "minutes", first: 3, second: "05" });
    expect(durationParts(3_720_000)).toEqual({ unit: "hours", first: 1, second: "02" });
  });

  test("the agenda's previous and next entries; the first when none is open", () => {
    const agenda = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(agendaNeighbours(agenda, null)).toEqual({
      previous: null,
      next: { id: "a" },
      position: null,
    });
    expect(agendaNeighbours(agenda, "b")).toEqual({
      previous: { id: "a" },
      next: { id: "c" },
      position: 2,
    });
    expect(agendaNeighbours(agenda, "c")).toEqual({
      previous: { id: "b" },
      next: null,
      position: 3,
    });
    // An entry no longer on the viewer's agenda counts as none open.
    expect(agendaNeighbours(agenda, "gone").next).toEqual({ id: "a" });
  });

  test("notes are trimmed, line ends made one, and kept within their limit", () => {
    expect(NotesSchema.parse({ notes: "  Strong on design.\r\nRevisit scope.  " })).toEqual({
      notes: "Strong on design.\nRevisit scope.",
    });
    expect(NotesSchema.parse({})).toEqual({ notes: "" });
    expect(NotesSchema.safeParse({ notes: "x".repeat(5001) }).error?.issues[0]?.message).toBe(
      "calibration:errors.notesTooLong",
    );
  });
});
