import { describe, expect, test } from "vitest";
import { PULSE_BATCH, pulseSummary } from "~/modules/conversations/pulse";

const now = new Date("2026-06-01T12:00:00Z");
let made = 0;
const answer = (respondentId: string, score: number, daysAgo = 1) => ({
  id: `p${String((made += 1)).padStart(4, "0")}`,
  respondentId,
  score,
  answeredAt: new Date(now.getTime() - daysAgo * 86_400_000),
});

describe("the pulse a manager reads", () => {
  test("nothing under three reports, even where the organisation's floor is lower, and not how many answered", () => {
    expect(pulseSummary([answer("a", 5, 3), answer("b", 3, 2)], () => 2, now)).toEqual({
      mean: null,
    });
    expect(
      pulseSummary([answer("a", 5, 3), answer("b", 3, 2), answer("c", 4)], () => 2, now),
    ).toEqual({ mean: 4 });
  });

  test("the organisation's floor when it is higher: a batch of four, and a fifth answer, or a changed one, moves nothing", () => {
    expect(PULSE_BATCH).toBe(4);
    const four = [answer("a", 5, 9), answer("b", 3, 8), answer("c", 4, 7), answer("d", 2, 6)];
    expect(pulseSummary(four.slice(0, 3), () => 4, now)).toEqual({ mean: null });
    expect(pulseSummary(four, () => 4, now)).toEqual({ mean: 3.5 });
    const later = [answer("e", 1, 5), answer("a", 1, 4), answer("b", 1, 3)];
    expect(pulseSummary([...four, ...later], () => 4, now)).toEqual({ mean: 3.5 });
    // A fourth different report completes the second batch (a's and b's changed answers in it): both batches count.
    expect(pulseSummary([...four, ...later, answer("c", 2, 2)], () => 4, now)).toEqual({
      mean: 2.4,
    });
  });

  test("a report answering twice within a batch counts once there, with the later answer", () => {
    expect(
      pulseSummary(
        [answer("a", 1, 9), answer("a", 5, 8), answer("b", 3, 7), answer("c", 4, 6)],
        () => 3,
        now,
      ),
    ).toEqual({ mean: 4 });
  });

  test("a batch leaves the window whole, once the answer that completed it is 180 days old", () => {
    const old = [answer("a", 5, 300), answer("b", 3, 200), answer("c", 1, 179)];
    expect(pulseSummary(old, () => 3, now)).toEqual({ mean: 3 });
    expect(pulseSummary(old, () => 3, new Date(now.getTime() + 2 * 86_400_000))).toEqual({
      mean: null,
    });
  });

  test("one report whose floor a calibration session raised makes the batch wait for that many", () => {
    const answers = [answer("a", 5, 4), answer("b", 3, 3), answer("c", 4, 2), answer("d", 4, 1)];
    expect(pulseSummary(answers, (person) => (person === "b" ? 5 : 4), now)).toEqual({
      mean: null,
    });
  });
});
