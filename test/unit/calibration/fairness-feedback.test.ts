import { describe, expect, test } from "vitest";
import type { FairnessPerson } from "~/modules/calibration/fairness";
import { clusteredShare } from "~/modules/statistics/intervals";
import { sessionFairness } from "../../utils/fairness";

/**
 * The fairness report says, per group it shows, how the peer feedback about its people was
 * written: the share of answers with an example and the share with a personality word, with
 * intervals that take each person's answers as one cluster, and n in people. A hidden group shows
 * neither; a group nobody wrote about shows no shares.
 */
const person = (team: string, feedback?: FairnessPerson["feedback"]): FairnessPerson => ({ finalRating: 3, promoted: false, groups: { team }, feedback });

describe("peer feedback in the fairness report", () => {
  test("per group shown: answers with an example and with a personality word, as shares of its answers", () => {
    const payments = [
      { answers: 4, withExample: 4, flagged: 0 },
      { answers: 4, withExample: 1, flagged: 0 },
      { answers: 6, withExample: 6, flagged: 1 },
      { answers: 3, withExample: 0, flagged: 0 },
      { answers: 3, withExample: 2, flagged: 0 },
    ];
    const people = [
      ...payments.map((feedback) => person("payments", feedback)),
      // Someone nobody wrote about is not among the people the shares are over.
      person("payments", { answers: 0, withExample: 0, flagged: 0 }),
      ...Array.from({ length: 5 }, () => person("search", { answers: 2, withExample: 1, flagged: 1 })),
      ...Array.from({ length: 4 }, () => person("mobile")),
      person("tiny", { answers: 3, withExample: 0, flagged: 3 }),
    ];
    const report = sessionFairness(people, [{ id: "team", label: "Team" }], 4);
    const group = (value: string) => report.dimensions[0]!.groups.find((candidate) => candidate.value === value)!;
    expect(group("payments").feedback).toEqual({
      people: 5,
      answers: 20,
      withExample: clusteredShare(payments.map((counts) => ({ successes: counts.withExample, n: counts.answers }))),
      flagged: clusteredShare(payments.map((counts) => ({ successes: counts.flagged, n: counts.answers }))),
    });
    expect(group("search").feedback).toEqual({ people: 5, answers: 10, withExample: clusteredShare(Array.from({ length: 5 }, () => ({ successes: 1, n: 2 }))), flagged: clusteredShare(Array.from({ length: 5 }, () => ({ successes: 1, n: 2 }))) });
    // Nobody wrote about mobile's people: no shares, rather than 0 of 0.
    expect(group("mobile").feedback).toBeNull();
    // A group of one is hidden: nothing of its feedback either.
    expect(group("tiny")).toMatchObject({ suppressed: true, feedback: null });
  });
});
