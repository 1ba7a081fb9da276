/**
 * Seeded random programmes and an exhaustive search over every pairing, written independently of
 * the module's rule tables, so the property tests check the matching against first principles.
 */
import { explainFit, resolveWeights } from "~/modules/mentorship/fit";
import type {
  FitWeights,
  MatchingInput,
  MenteeInput,
  MentorInput,
  ProgrammeRules,
} from "~/modules/mentorship/types";
import { seeded } from "../../../prisma/seed/random";

export { seeded };

export function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function some<T>(random: () => number, items: readonly T[], chance: number): T[] {
  return items.filter(() => random() < chance);
}

const COMPETENCIES = ["testing", "design", "operations", "security", "delivery"];
const TEAMS = ["red", "blue", "green"];
/** Zones that keep one offset all year, with that offset in minutes, so the rule can be judged from first principles. */
const ZONES: readonly (readonly [string, number])[] = [
  ["America/Bogota", -300],
  ["UTC", 0],
  ["Africa/Lagos", 60],
  ["Asia/Kolkata", 330],
  ["Australia/Brisbane", 600],
];
const offsetOf = (zone: string) => ZONES.find(([name]) => name === zone)![1];

export const OPEN_RULES: ProgrammeRules = {
  maxMenteesPerMentor: 2,
  allowRepeatPairs: false,
  crossTeamOnly: false,
  maxTimeZoneDifferenceHours: null,
  startsOn: new Date("2026-01-01"),
  endsOn: new Date("2026-06-30"),
  pins: [],
  forbids: [],
};

/**
 * A random programme of up to `maxMentees` mentees and `maxMentors` mentors, with random rules
 * switched on and off. Person ids are shared between the two lists, so a mentor can be in a
 * mentee's chain and a mentee can mentor.
 */
export function randomProgramme(
  random: () => number,
  maxMentees: number,
  maxMentors: number,
): MatchingInput {
  const menteeCount = integer(random, 1, maxMentees);
  const mentorCount = integer(random, 1, maxMentors);
  const people = Array.from({ length: menteeCount + mentorCount }, (_, index) => `p${index}`);
  // Mentors are p0…; mentees start after them, except that sometimes the first mentee is also a mentor.
  const overlap = random() < 0.3 ? 1 : 0;
  const mentorIds = people.slice(0, mentorCount);
  const menteeIds = people.slice(mentorCount - overlap, mentorCount - overlap + menteeCount);
  const mentors: MentorInput[] = mentorIds.map((id) => ({
    id,
    teamId: TEAMS[integer(random, 0, 2)]!,
    timeZone: ZONES[integer(random, 0, 4)]![0],
    capacity: random() < 0.2 ? undefined : integer(random, 0, 3),
    band: integer(random, 1, 5),
    strengths: some(random, COMPETENCIES, 0.4),
    managementChainIds: some(random, menteeIds, 0.1),
  }));
  const mentees: MenteeInput[] = menteeIds.map((id) => ({
    id,
    teamId: TEAMS[integer(random, 0, 2)]!,
    timeZone: ZONES[integer(random, 0, 4)]![0],
    targetBand: integer(random, 1, 4),
    goals: some(random, COMPETENCIES, 0.5).map((competencyId) => ({
      competencyId,
      gap: integer(random, 0, 3),
    })),
    managementChainIds: some(random, mentorIds, 0.15),
    pastMentorIds: some(random, mentorIds, 0.15),
  }));
  const randomPairs = (count: number) =>
    Array.from({ length: count }, () => ({
      menteeId: menteeIds[integer(random, 0, menteeCount - 1)]!,
      mentorId: mentorIds[integer(random, 0, mentorCount - 1)]!,
    }));
  return {
    mentees,
    mentors,
    rules: {
      maxMenteesPerMentor: integer(random, 1, 3),
      allowRepeatPairs: random() < 0.3,
      crossTeamOnly: random() < 0.3,
      maxTimeZoneDifferenceHours: random() < 0.5 ? null : integer(random, 1, 6),
      startsOn: OPEN_RULES.startsOn,
      endsOn: OPEN_RULES.endsOn,
      pins: random() < 0.3 ? randomPairs(integer(random, 1, 2)) : [],
      forbids: random() < 0.4 ? randomPairs(integer(random, 1, 3)) : [],
    },
    weights:
      random() < 0.5
        ? undefined
        : {
            goals: integer(random, 0, 4),
            crossTeam: integer(random, 0, 2),
            level: integer(random, 0, 2),
          },
    objective: random() < 0.5 ? "most-fit" : "most-matched",
  };
}

/** Whether the pair breaks a hard rule, judged from the input alone. */
export function breaksHardRule(
  input: MatchingInput,
  mentee: MenteeInput,
  mentor: MentorInput,
): boolean {
  const { rules } = input;
  const apart = Math.abs(offsetOf(mentee.timeZone) - offsetOf(mentor.timeZone)) % 1440;
  const hoursApart = Math.min(apart, 1440 - apart) / 60;
  return (
    mentee.id === mentor.id ||
    mentee.managementChainIds.includes(mentor.id) ||
    mentor.managementChainIds.includes(mentee.id) ||
    mentor.band < mentee.targetBand ||
    (!rules.allowRepeatPairs && mentee.pastMentorIds.includes(mentor.id)) ||
    (rules.crossTeamOnly && mentee.teamId === mentor.teamId) ||
    (rules.maxTimeZoneDifferenceHours !== null && hoursApart > rules.maxTimeZoneDifferenceHours) ||
    rules.forbids.some((pair) => pair.menteeId === mentee.id && pair.mentorId === mentor.id)
  );
}

export function capacityOf(input: MatchingInput, mentor: MentorInput): number {
  return Math.min(
    mentor.capacity ?? input.rules.maxMenteesPerMentor,
    input.rules.maxMenteesPerMentor,
  );
}

/** A pairing found by the exhaustive search: the mentor index of each mentee (-1 for none). */
export interface Pairing {
  mentorOf: number[];
  size: number;
  total: number;
  lowest: number;
}

/**
 * Every pairing that respects capacities and hard rules and contains the `fixed` pairs (mentee
 * index → mentor index), with its size, total fit and lowest fit among the pairs not fixed.
 */
export function allPairings(
  input: MatchingInput,
  fixed: ReadonlyMap<number, number> = new Map(),
): Pairing[] {
  const weights: FitWeights = resolveWeights(input.weights);
  const { mentees, mentors } = input;
  const fit = mentees.map((mentee) =>
    mentors.map((mentor) =>
      breaksHardRule(input, mentee, mentor) ? null : explainFit(mentee, mentor, weights).fit,
    ),
  );
  const fixedFit = [...fixed].map(
    ([mentee, mentor]) => explainFit(mentees[mentee]!, mentors[mentor]!, weights).fit,
  );
  const load = mentors.map(
    (_, mentor) => [...fixed.values()].filter((held) => held === mentor).length,
  );
  const mentorOf = mentees.map((_, mentee) => fixed.get(mentee) ?? -1);
  const found: Pairing[] = [];
  const visit = (mentee: number, size: number, total: number, lowest: number) => {
    if (mentee === mentees.length) {
      found.push({
        mentorOf: [...mentorOf],
        size: size + fixed.size,
        total: total + fixedFit.reduce((sum, value) => sum + value, 0),
        lowest,
      });
      return;
    }
    if (fixed.has(mentee)) return visit(mentee + 1, size, total, lowest);
    visit(mentee + 1, size, total, lowest);
    mentors.forEach((mentor, index) => {
      const pairFit = fit[mentee]![index];
      if (pairFit === null || pairFit === undefined || load[index]! >= capacityOf(input, mentor))
        return;
      load[index]!++;
      mentorOf[mentee] = index;
      visit(mentee + 1, size + 1, total + pairFit, Math.min(lowest, pairFit));
      mentorOf[mentee] = -1;
      load[index]!--;
    });
  };
  visit(0, 0, 0, Infinity);
  return found;
}
