import { describe, expect, test } from "vitest";
import type { FairnessPerson } from "~/modules/calibration/fairness";
import { wilsonInterval } from "~/modules/statistics/intervals";
import { sessionFairness } from "../../utils/fairness";

/**
 * The fairness report says, per group it shows, how the peer feedback about its people was
 * written: the share of answers with an example and the share with a personality word, with
 * Wilson intervals. A hidden group shows neither; a group nobody wrote about shows no shares.
 */
const person = (team: string, feedback?: FairnessPerson["feedback"]): FairnessPerson => ({ finalRating: 3, promoted: false, groups: { team }, feedback });

describe("peer feedback in the fairness report", () => {
  test("per group shown: answers with an example and with a personality word, as shares of its answers", () => {
    const people = [
      ...Array.from({ length: 5 }, () => person("payments", { answers: 4, withExample: 3, flagged: 0 })),
      ...Array.from({ length: 5 }, () => person("search", { answers: 2, withExample: 1, flagged: 1 })),
      ...Array.from({ length: 4 }, () => person("mobile")),
      person("tiny", { answers: 3, withExample: 0, flagged: 3 }),
    ];
    const report = sessionFairness(people, [{ id: "team", label: "Team" }], 4);
    const group = (value: string) => report.dimensions[0]!.groups.find((candidate) => candidate.value === value)!;
    expect(group("payments").feedback).toEqual({ answers: 20, withExample: wilsonInterval(15, 20), flagged: wilsonInterval(0, 20) });
    expect(group("search").feedback).toEqual({ answers: 10, withExample: wilsonInterval(5, 10), flagged: wilsonInterval(5, 10) });
    // Nobody wrote about mobile's people: no shares, rather than 0 of 0.
    expect(group("mobile").feedback).toBeNull();
    // A group of one is not listed: nothing of it, its feedback included.
    expect(report.dimensions[0]!.groups.map((candidate) => candidate.value)).not.toContain("tiny");
  });
});
