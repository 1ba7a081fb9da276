import { describe, expect, test } from "vitest";
import { pulseSummary } from "~/modules/conversations/pulse";

const now = new Date("2026-06-01T12:00:00Z");
const answer = (respondentId: string, score: number, daysAgo = 1) => ({ respondentId, score, answeredAt: new Date(now.getTime() - daysAgo * 86_400_000) });

describe("the pulse a manager reads", () => {
  test("nothing under three reports, even where the organisation's floor is lower", () => {
    expect(pulseSummary("m", [answer("a", 5), answer("b", 3)], () => 2, now)).toEqual({ n: 2, mean: null, suppressed: true });
    expect(pulseSummary("m", [answer("a", 5), answer("b", 3), answer("c", 4)], () => 2, now)).toEqual({ n: 3, mean: 4, suppressed: false });
  });

  test("the organisation's floor when it is higher; each report's latest answer counts once; old answers not at all", () => {
    const answers = [answer("a", 1, 20), answer("a", 5), answer("b", 3), answer("c", 4), answer("d", 2, 400)];
    expect(pulseSummary("m", answers, () => 4, now)).toEqual({ n: 3, mean: null, suppressed: true });
    expect(pulseSummary("m", [...answers, answer("e", 4)], () => 4, now)).toEqual({ n: 4, mean: 4, suppressed: false });
  });

  test("one report whose floor a calibration session raised raises it for the average", () => {
    const answers = [answer("a", 5), answer("b", 3), answer("c", 4), answer("d", 4)];
    expect(pulseSummary("m", answers, (person) => (person === "b" ? 5 : 4), now).suppressed).toBe(true);
  });
});
