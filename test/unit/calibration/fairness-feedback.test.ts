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
const person = (team: string, feedback?: FairnessPerson["feedback"]): FairnessPerson => ({
  finalRating: 3,
  promoted: false,
  groups: { team },
  feedback,
});

describe("peer feedback in the fairness report", () => {
  test("per group shown: answers with an example and with a personality word, as shares of its answers, over people and colleagues", () => {
    // Colleagues 1 and 2 each write about two of payments' people.
    const payments = [
      [{ colleague: 1, answers: 4, withExample: 4, flagged: 0 }],
      [
        { colleague: 1, answers: 4, withExample: 1, flagged: 0 },
        { colleague: 2, answers: 3, withExample: 3, flagged: 1 },
      ],
      [{ colleague: 3, answers: 6, withExample: 6, flagged: 1 }],
      [{ colleague: 2, answers: 3, withExample: 0, flagged: 0 }],
      [{ colleague: 4, answers: 3, withExample: 2, flagged: 0 }],
    ];
    const cells = (count: "withExample" | "flagged") =>
      payments.flatMap((colleagues, index) =>
        colleagues.map((cell) => ({
          successes: cell[count],
          n: cell.answers,
          row: String(index),
          column: String(cell.colleague),
        })),
      );
    const search = Array.from({ length: 5 }, (_, index) => [
      { colleague: 10 + index, answers: 2, withExample: 1, flagged: 1 },
    ]);
    const people = [
      ...payments.map((feedback) => person("payments", feedback)),
      // Someone nobody wrote about is not among the people the shares are over.
      person("payments", [{ colleague: 5, answers: 0, withExample: 0, flagged: 0 }]),
      person("payments", []),
      ...search.map((feedback) => person("search", feedback)),
      ...Array.from({ length: 4 }, () => person("mobile")),
      person("tiny", [{ colleague: 1, answers: 3, withExample: 0, flagged: 3 }]),
    ];
    const report = sessionFairness(people, [{ id: "team", label: "Team" }], 4);
    const group = (value: string) =>
      report.dimensions[0]!.groups.find((candidate) => candidate.value === value)!;
    expect(group("payments").feedback).toEqual({
      people: 5,
      answers: 23,
      withExample: clusteredShare(cells("withExample")),
      flagged: clusteredShare(cells("flagged")),
    });
    const halves = Array.from({ length: 5 }, (_, index) => ({
      successes: 1,
      n: 2,
      row: String(index),
      column: String(10 + index),
    }));
    expect(group("search").feedback).toEqual({
      people: 5,
      answers: 10,
      withExample: clusteredShare(halves),
      flagged: clusteredShare(halves),
    });
    // Nobody wrote about mobile's people: no shares, rather than 0 of 0.
    expect(group("mobile").feedback).toBeNull();
    // A group of one is not listed: nothing of it, its feedback included.
    expect(report.dimensions[0]!.groups.map((candidate) => candidate.value)).not.toContain("tiny");
  });
});
