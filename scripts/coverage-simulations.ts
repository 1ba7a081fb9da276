import { feedbackShares, type FairnessPerson } from "../app/modules/calibration/fairness.ts";
import {
  mentoringComparison,
  type MenteeGoals,
  type Review,
} from "../app/modules/insights/mentoring.ts";
import { normal, seeded } from "../prisma/seed/random.ts";

/**
 * Seeded simulations of two intervals whose data come in clusters, shared by the coverage script
 * (`npm run stats:coverage`) and its fast unit test: the fairness report's feedback shares, and the
 * insights page's mentoring difference under no effect. Each run draws an organisation's worth of
 * data the way it arises, and asks whether the 95% interval holds the truth.
 */

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const whole = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** Fisher–Yates, from the seeded generator. */
function shuffled<T>(random: () => number, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/**
 * Feedback about a group: 5 to 12 people, each written about by 2 to 5 colleagues drawn from the
 * group's 3 × people colleagues (so a colleague may write about more than one of them), each
 * answering the cycle's 4 to 6 competencies (now and then leaving one out). Whether an answer has
 * an example (or a personality word) depends on the person written about (sd `personSpread` on
 * the log-odds) and on how the colleague writes (sd `colleagueSpread`): the colleague and person
 * spread that makes answers about one person alike.
 */
export type FeedbackScenario = {
  count: "withExample" | "flagged";
  share: number;
  personSpread: number;
  colleagueSpread: number;
};

export const FEEDBACK_SCENARIOS: Record<string, FeedbackScenario> = {
  "answers with an example": {
    count: "withExample",
    share: 0.6,
    personSpread: 0.8,
    colleagueSpread: 1.2,
  },
  "answers with a personality word": {
    count: "flagged",
    share: 0.1,
    personSpread: 0.6,
    colleagueSpread: 1,
  },
  "with an example, little spread": {
    count: "withExample",
    share: 0.6,
    personSpread: 0.2,
    colleagueSpread: 0.3,
  },
};

/** The share the answers estimate: the chance of an answer counting, over people and colleagues alike (a seeded average of many draws). */
export function feedbackTruth(scenario: FeedbackScenario): number {
  const random = seeded(1);
  const draws = 400_000;
  let total = 0;
  for (let draw = 0; draw < draws; draw++)
    total += expit(
      logit(scenario.share) +
        normal(random, scenario.personSpread) +
        normal(random, scenario.colleagueSpread),
    );
  return total / draws;
}

/** One group's answers, as the fairness report receives them: counts per person. */
export function feedbackGroup(
  random: () => number,
  scenario: FeedbackScenario,
): Pick<FairnessPerson, "feedback">[] {
  const people = whole(random, 5, 12);
  const competencies = whole(random, 4, 6);
  const colleagues = Array.from({ length: 3 * people }, () =>
    normal(random, scenario.colleagueSpread),
  );
  return Array.from({ length: people }, () => {
    const person = logit(scenario.share) + normal(random, scenario.personSpread);
    const writers = shuffled(random, [...colleagues.keys()]).slice(0, whole(random, 2, 5));
    const feedback = writers.map((colleague) => {
      const counts = { colleague, answers: 0, withExample: 0, flagged: 0 };
      for (let competency = 0; competency < competencies; competency++) {
        if (random() < 0.1) continue;
        counts.answers += 1;
        if (random() < expit(person + colleagues[colleague]!)) counts[scenario.count] += 1;
      }
      return counts;
    });
    return { feedback };
  });
}

/** How often the report's interval of the share holds the truth, over `runs` groups. */
export function feedbackCoverage(
  scenario: FeedbackScenario,
  runs: number,
  seed: number,
  truth = feedbackTruth(scenario),
): number {
  const random = seeded(seed);
  let covered = 0;
  for (let run = 0; run < runs; run++) {
    const { interval } = feedbackShares(feedbackGroup(random, scenario))![scenario.count];
    if (interval[0] <= truth && truth <= interval[1]) covered += 1;
  }
  return covered / runs;
}

/**
 * Mentoring with no effect, in an organisation where mentees share their comparable people: 12
 * mentees and `comparable` people in no programme over two levels, five competencies rated 2 or
 * 3 before, each mentee with three of them as goals. So mentees at one level with the same
 * starting rating on a goal are compared with the same few people. Everyone's rating then moves
 * by the same rule, mentee or not: a little more from 2 than from 3, plus the person's own amount
 * (sd `personSpread`, so a person's goals move together) and the goal's own (sd 1).
 */
export type MentoringScenario = { comparable: number; personSpread: number };

export const MENTORING_SCENARIOS: Record<string, MentoringScenario> = {
  "few comparable people, goals moving alone": { comparable: 16, personSpread: 0 },
  "few comparable people, a person's goals moving together": { comparable: 16, personSpread: 0.6 },
  "ten times as many comparable people": { comparable: 160, personSpread: 0.6 },
};

const COMPETENCIES = ["c1", "c2", "c3", "c4", "c5"];

function mentoringOrganisation(random: () => number, scenario: MentoringScenario) {
  const reviews = new Map<string, Review[]>();
  const person = (id: string) => {
    const levelId = random() < 0.5 ? "ic2" : "ic3";
    const own = normal(random, scenario.personSpread);
    const before = new Map(COMPETENCIES.map((competency) => [competency, random() < 0.5 ? 2 : 3]));
    const after = new Map(
      [...before].map(([competency, start]) => [
        competency,
        start + (start === 2 ? 0.3 : 0) + own + normal(random),
      ]),
    );
    reviews.set(id, [
      { personId: id, levelId, submittedAt: 50, ratings: before },
      { personId: id, levelId, submittedAt: 150, ratings: after },
    ]);
  };
  const pairs: MenteeGoals[] = [];
  for (let mentee = 0; mentee < 12; mentee++) {
    person(`mentee${mentee}`);
    pairs.push({
      menteeId: `mentee${mentee}`,
      activeSince: 100,
      goals: shuffled(random, [...COMPETENCIES]).slice(0, 3),
    });
  }
  for (let other = 0; other < scenario.comparable; other++) person(`other${other}`);
  return { pairs, reviews };
}

/** How often the difference's 95% interval excludes zero with no effect, over `runs` organisations. */
export function mentoringFalseRate(
  scenario: MentoringScenario,
  runs: number,
  seed: number,
): number {
  const random = seeded(seed);
  let excluded = 0;
  let compared = 0;
  for (let run = 0; run < runs; run++) {
    const { pairs, reviews } = mentoringOrganisation(random, scenario);
    const { difference } = mentoringComparison(
      pairs,
      reviews,
      new Set(pairs.map((pair) => pair.menteeId)),
      () => 1,
    );
    if (!difference) continue;
    compared += 1;
    if (difference.interval[0] > 0 || difference.interval[1] < 0) excluded += 1;
  }
  return excluded / compared;
}
