import { linearSumAssignment } from "linear-sum-assignment";
import { describe, expect, it } from "vitest";
import { explainFit, resolveWeights } from "~/modules/mentorship/fit";
import { matchProgramme, rerunForUnpaired } from "~/modules/mentorship/matching";
import type {
  MatchingInput,
  MatchingResult,
  MenteeInput,
  MentorInput,
  PairRef,
} from "~/modules/mentorship/types";
import {
  OPEN_RULES,
  allPairings,
  breaksHardRule,
  capacityOf,
  integer,
  randomProgramme,
  seeded,
  type Pairing,
} from "./programmes";

const INSTANCES = 1000;

function indexPairs(input: MatchingInput, pairs: readonly PairRef[]): Map<number, number> {
  return new Map(
    pairs.map((pair) => [
      input.mentees.findIndex((mentee) => mentee.id === pair.menteeId),
      input.mentors.findIndex((mentor) => mentor.id === pair.mentorId),
    ]),
  );
}

/** Capacity, hard rules, one pair per mentee, and pins that were refused for a reason. */
function expectValid(input: MatchingInput, result: MatchingResult, label: string): void {
  const menteeIds = result.pairs.map((pair) => pair.menteeId);
  expect(new Set(menteeIds).size, `${label}: a mentee paired twice`).toBe(menteeIds.length);
  for (const mentor of input.mentors) {
    const load = result.pairs.filter((pair) => pair.mentorId === mentor.id).length;
    expect(load, `${label}: ${mentor.id} over capacity`).toBeLessThanOrEqual(
      capacityOf(input, mentor),
    );
  }
  for (const pair of result.pairs) {
    if (pair.source === "accepted") continue;
    const mentee = input.mentees.find((candidate) => candidate.id === pair.menteeId)!;
    const mentor = input.mentors.find((candidate) => candidate.id === pair.mentorId)!;
    expect(
      breaksHardRule(input, mentee, mentor),
      `${label}: ${pair.menteeId} → ${pair.mentorId} breaks a hard rule`,
    ).toBe(false);
  }
  for (const pin of result.rejectedPins) {
    const mentee = input.mentees.find((candidate) => candidate.id === pin.menteeId)!;
    const mentor = input.mentors.find((candidate) => candidate.id === pin.mentorId)!;
    if (pin.problem === "breaks-rules")
      expect(breaksHardRule(input, mentee, mentor), label).toBe(true);
    else if (pin.problem === "over-capacity")
      expect(
        result.pairs.filter((pair) => pair.mentorId === mentor.id && pair.source !== "proposed")
          .length,
      ).toBe(capacityOf(input, mentor));
    else expect(pin.problem, label).toBe("mentee-already-paired");
  }
  expect(result.summary.paired + result.summary.unpaired, label).toBe(input.mentees.length);
}

function best(pairings: Pairing[], better: (a: Pairing, b: Pairing) => boolean): Pairing {
  return pairings.reduce((champion, pairing) => (better(pairing, champion) ? pairing : champion));
}

const EPSILON = 1e-9;

describe("matching on random small programmes (up to 6 mentees × 4 mentors) against an exhaustive search", () => {
  it("respects capacity and hard rules, pairs each mentee at most once, and finds the optimum of each objective", () => {
    const random = seeded(20261122);
    for (let instance = 0; instance < INSTANCES; instance++) {
      const input = randomProgramme(random, 6, 4);
      for (const objective of ["most-fit", "most-matched"] as const) {
        const label = `instance ${instance}, ${objective}`;
        const result = matchProgramme({ ...input, objective });
        expectValid(input, result, label);
        const pairings = allPairings(
          input,
          indexPairs(
            input,
            result.pairs.filter((pair) => pair.source === "pinned"),
          ),
        );
        const optimum =
          objective === "most-fit"
            ? best(pairings, (a, b) => a.total > b.total + EPSILON)
            : best(
                pairings,
                (a, b) => a.size > b.size || (a.size === b.size && a.total > b.total + EPSILON),
              );
        if (objective === "most-matched") expect(result.summary.paired, label).toBe(optimum.size);
        expect(result.summary.totalFit, label).toBeCloseTo(optimum.total, 9);
      }
    }
  });

  it("with fairness, raises the lowest proposed fit to the best possible for the same number of pairs, then maximises the total", () => {
    const random = seeded(7);
    let raised = 0;
    for (let instance = 0; instance < INSTANCES; instance++) {
      // Looser rules leave more choice, so the floor can rise more often.
      const drawn = randomProgramme(random, 6, 4);
      const input = {
        ...drawn,
        rules: { ...drawn.rules, crossTeamOnly: false, maxTimeZoneDifferenceHours: null },
      };
      const label = `instance ${instance}, ${input.objective}`;
      const plain = matchProgramme(input);
      const fair = matchProgramme({ ...input, fairness: true });
      expectValid(input, fair, label);
      const proposed = fair.pairs.filter((pair) => pair.source === "proposed");
      expect(proposed.length, label).toBe(plain.summary.proposed);
      if (proposed.length === 0) continue;
      const pinned = indexPairs(
        input,
        fair.pairs.filter((pair) => pair.source === "pinned"),
      );
      const sameSize = allPairings(input, pinned).filter(
        (pairing) => pairing.size === fair.summary.paired,
      );
      const floor = Math.max(...sameSize.map((pairing) => pairing.lowest));
      const optimum = best(
        sameSize.filter((pairing) => pairing.lowest >= floor - EPSILON),
        (a, b) => a.total > b.total + EPSILON,
      );
      expect(fair.summary.fairnessThreshold, label).toBeCloseTo(floor, 9);
      expect(Math.min(...proposed.map((pair) => pair.fit)), label).toBeCloseTo(floor, 9);
      expect(fair.summary.totalFit, label).toBeCloseTo(optimum.total, 9);
      const plainLowest = Math.min(
        ...plain.pairs.filter((pair) => pair.source === "proposed").map((pair) => pair.fit),
      );
      if (floor > plainLowest + EPSILON) raised++;
    }
    // The instances must exercise the second pass, not only cases where the floor cannot rise.
    expect(raised).toBeGreaterThan(5);
  });

  it("a rerun keeps the accepted pairs and finds the optimum for everyone else", () => {
    const random = seeded(99);
    for (let instance = 0; instance < INSTANCES; instance++) {
      const input = randomProgramme(random, 6, 4);
      const label = `instance ${instance}, ${input.objective}`;
      const first = matchProgramme(input);
      const accepted = first.pairs
        .filter(() => random() < 0.5)
        .map(({ menteeId, mentorId }) => ({ menteeId, mentorId }));
      const rerun = rerunForUnpaired(input, accepted);
      expectValid(input, rerun, label);
      const kept = rerun.pairs
        .filter((pair) => pair.source === "accepted")
        .map(({ menteeId, mentorId }) => ({ menteeId, mentorId }));
      expect(kept, label).toEqual(expect.arrayContaining(accepted));
      expect(kept.length, label).toBe(accepted.length);
      const fixed = indexPairs(
        input,
        rerun.pairs.filter((pair) => pair.source !== "proposed"),
      );
      const pairings = allPairings(input, fixed);
      const optimum =
        input.objective === "most-fit"
          ? best(pairings, (a, b) => a.total > b.total + EPSILON)
          : best(
              pairings,
              (a, b) => a.size > b.size || (a.size === b.size && a.total > b.total + EPSILON),
            );
      expect(rerun.summary.totalFit, label).toBeCloseTo(optimum.total, 9);
    }
  });
});

describe("matching on medium dense programmes against the npm package linear-sum-assignment", () => {
  /** A programme where every pair is allowed, so pairing everyone is the package's assignment problem on the slots. */
  function openProgramme(
    random: () => number,
    menteeCount: number,
    mentorCount: number,
  ): MatchingInput {
    const competencies = ["a", "b", "c", "d", "e", "f"];
    const mentees: MenteeInput[] = Array.from({ length: menteeCount }, (_, index) => ({
      id: `mentee${index}`,
      teamId: `team${integer(random, 0, 4)}`,
      timeZone: "UTC",
      targetBand: integer(random, 0, 2),
      goals: competencies
        .filter(() => random() < 0.5)
        .map((competencyId) => ({ competencyId, gap: integer(random, 0, 3) })),
      managementChainIds: [],
      pastMentorIds: [],
    }));
    const mentors: MentorInput[] = Array.from({ length: mentorCount }, (_, index) => ({
      id: `mentor${index}`,
      teamId: `team${integer(random, 0, 4)}`,
      timeZone: "UTC",
      band: integer(random, 2, 7),
      strengths: competencies.filter(() => random() < 0.4),
      managementChainIds: [],
    }));
    return {
      mentees,
      mentors,
      rules: { ...OPEN_RULES, maxMenteesPerMentor: 2 },
      weights: { goals: 3, crossTeam: 1, level: 1.5 },
      objective: "most-matched",
    };
  }

  it("pairs as many as the slots allow with the same total fit as the package's maximum", () => {
    const random = seeded(314);
    for (const [menteeCount, mentorCount] of [
      [40, 20],
      [30, 25],
      [60, 20],
      [50, 40],
    ] as const) {
      const input = openProgramme(random, menteeCount, mentorCount);
      const weights = resolveWeights(input.weights);
      // One column per slot: each mentor twice.
      const fits = input.mentees.map((mentee) =>
        input.mentors.flatMap((mentor) =>
          [0, 1].map(() => explainFit(mentee, mentor, weights).fit),
        ),
      );
      const reference = linearSumAssignment(fits, { maximaze: true });
      const result = matchProgramme(input);
      expect(result.summary.paired).toBe(Math.min(menteeCount, 2 * mentorCount));
      expect(result.summary.totalFit).toBeCloseTo(reference.gain, 9);
    }
  });
});
