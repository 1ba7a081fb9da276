/**
 * A programme's input turned into dense tables for matching: each mentor's capacity, and per
 * pair (mentee × mentor) the hard rules it breaks and, where it breaks none, its fit.
 */
import { InvalidError } from "~/modules/errors";
import { combineFit, goalScore, levelScore, resolveWeights } from "./fit";
import { isTimeZone } from "~/modules/time-zones";
import { RULE_BIT } from "./rules";
import { largestClockDifferences } from "./time-zones";
import type { FitWeights, MatchingInput, MenteeInput, MentorInput } from "./types";

export interface Programme {
  mentees: readonly MenteeInput[];
  mentors: readonly MentorInput[];
  weights: FitWeights;
  menteeIndex: ReadonlyMap<string, number>;
  mentorIndex: ReadonlyMap<string, number>;
  capacity: Int32Array;
  /** Row-major, mentees × mentors: the mask of hard rules the pair breaks (`RULE_BIT`), 0 when allowed. */
  broken: Uint8Array;
  /** Row-major, mentees × mentors: the pair's fit, NaN where the pair breaks a rule. */
  fit: Float64Array;
}

/** Checks the input and builds the programme's tables. Throws an `InvalidError` on input that makes no sense. */
export function prepareProgramme(input: MatchingInput): Programme {
  checkInput(input);
  const { mentees, mentors, rules } = input;
  const weights = resolveWeights(input.weights);
  const menteeIndex = indexById(mentees, "mentee");
  const mentorIndex = indexById(mentors, "mentor");
  const capacity = Int32Array.from(mentors, (mentor) =>
    Math.min(mentor.capacity ?? rules.maxMenteesPerMentor, rules.maxMenteesPerMentor),
  );
  const broken = new Uint8Array(mentees.length * mentors.length);
  markListedPairs(input, menteeIndex, mentorIndex, broken);
  markPairRules(input, broken);
  const fit = pairFits(mentees, mentors, weights, broken);
  return { mentees, mentors, weights, menteeIndex, mentorIndex, capacity, broken, fit };
}

function checkInput({ mentees, mentors, rules, weights }: MatchingInput): void {
  const wholeAtLeastZero = (value: number) => Number.isInteger(value) && value >= 0;
  if (!wholeAtLeastZero(rules.maxMenteesPerMentor))
    throw new InvalidError("The most mentees a mentor takes must be a whole number, 0 or more.");
  const hours = rules.maxTimeZoneDifferenceHours;
  if (hours !== null && !(Number.isFinite(hours) && hours >= 0))
    throw new InvalidError("The largest time-zone difference must be 0 hours or more.");
  if (!(Number.isFinite(rules.startsOn.getTime()) && Number.isFinite(rules.endsOn.getTime())))
    throw new InvalidError("The programme needs its first and last days.");
  for (const zone of new Set([...mentees, ...mentors].map((person) => person.timeZone))) {
    if (!isTimeZone(zone)) throw new InvalidError(`${zone} is not a time zone.`);
  }
  for (const [name, weight] of Object.entries(weights ?? {})) {
    if (weight !== undefined && !(Number.isFinite(weight) && weight >= 0))
      throw new InvalidError(`The weight of ${name} must be a number, 0 or more.`);
  }
  for (const mentee of mentees) {
    if (!Number.isFinite(mentee.targetBand))
      throw new InvalidError(`Mentee ${mentee.id} needs a target band.`);
    const seen = new Set<string>();
    for (const goal of mentee.goals) {
      if (!(Number.isFinite(goal.gap) && goal.gap >= 0))
        throw new InvalidError(
          `Mentee ${mentee.id}'s goal ${goal.competencyId} needs a gap of 0 or more.`,
        );
      if (seen.has(goal.competencyId))
        throw new InvalidError(`Mentee ${mentee.id} lists goal ${goal.competencyId} twice.`);
      seen.add(goal.competencyId);
    }
  }
  for (const mentor of mentors) {
    if (!Number.isFinite(mentor.band)) throw new InvalidError(`Mentor ${mentor.id} needs a band.`);
    if (mentor.capacity !== undefined && !wholeAtLeastZero(mentor.capacity))
      throw new InvalidError(`Mentor ${mentor.id}'s capacity must be a whole number, 0 or more.`);
  }
}

function indexById(people: readonly { id: string }[], role: string): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((person, position) => {
    if (index.has(person.id)) throw new InvalidError(`${person.id} is listed twice as a ${role}.`);
    index.set(person.id, position);
  });
  return index;
}

/** The rules that come as lists of people: self, management chains (both ways), past pairs and forbids. */
function markListedPairs(
  input: MatchingInput,
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  broken: Uint8Array,
): void {
  const mentorCount = input.mentors.length;
  const mark = (mentee: number | undefined, mentor: number | undefined, bit: number) => {
    if (mentee !== undefined && mentor !== undefined) broken[mentee * mentorCount + mentor]! |= bit;
  };
  input.mentees.forEach((mentee, position) => {
    mark(position, mentorIndex.get(mentee.id), RULE_BIT.self);
    for (const boss of mentee.managementChainIds)
      mark(position, mentorIndex.get(boss), RULE_BIT["management-chain"]);
    if (!input.rules.allowRepeatPairs)
      for (const past of mentee.pastMentorIds)
        mark(position, mentorIndex.get(past), RULE_BIT.repeat);
  });
  input.mentors.forEach((mentor, position) => {
    for (const boss of mentor.managementChainIds)
      mark(menteeIndex.get(boss), position, RULE_BIT["management-chain"]);
  });
  for (const { menteeId, mentorId } of input.rules.forbids)
    mark(menteeIndex.get(menteeId), mentorIndex.get(mentorId), RULE_BIT.forbidden);
}

/**
 * The rules that compare the two people: level, team and time zone. Zones are compared once per
 * pair of zones over the programme's days (time-zones.ts), and each pair of people looks theirs up.
 */
function markPairRules({ mentees, mentors, rules }: MatchingInput, broken: Uint8Array): void {
  const maxMinutes =
    rules.maxTimeZoneDifferenceHours === null ? Infinity : rules.maxTimeZoneDifferenceHours * 60;
  const team = teamNumbers(mentees, mentors);
  const mentorBand = Float64Array.from(mentors, (mentor) => mentor.band);
  const mentorTeam = Int32Array.from(mentors, (mentor) => team.get(mentor.teamId)!);
  const zones = new Map<string, number>();
  for (const person of [...mentees, ...mentors])
    if (!zones.has(person.timeZone)) zones.set(person.timeZone, zones.size);
  const zoneCount = zones.size;
  const mentorZone = Int32Array.from(mentors, (mentor) => zones.get(mentor.timeZone)!);
  const apart =
    maxMinutes === Infinity
      ? null
      : largestClockDifferences([...zones.keys()], rules.startsOn, rules.endsOn);
  // Local copies: under some module loaders (tsx, Vitest) every use of an imported binding is a getter call.
  const [levelBit, teamBit, timeZoneBit] = [
    RULE_BIT.level,
    RULE_BIT["same-team"],
    RULE_BIT["time-zone"],
  ];
  for (let row = 0; row < mentees.length; row++) {
    const mentee = mentees[row]!;
    const menteeTeam = team.get(mentee.teamId)!;
    const zoneRow = zones.get(mentee.timeZone)! * zoneCount;
    const base = row * mentors.length;
    for (let col = 0; col < mentors.length; col++) {
      let mask = 0;
      if (mentorBand[col]! < mentee.targetBand) mask |= levelBit;
      if (rules.crossTeamOnly && mentorTeam[col] === menteeTeam) mask |= teamBit;
      if (apart && apart[zoneRow + mentorZone[col]!]! > maxMinutes) mask |= timeZoneBit;
      broken[base + col]! |= mask;
    }
  }
}

/** A number for each team id, so the pair loops compare numbers rather than strings. */
function teamNumbers(
  mentees: readonly MenteeInput[],
  mentors: readonly MentorInput[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const person of [...mentees, ...mentors])
    if (!numbers.has(person.teamId)) numbers.set(person.teamId, numbers.size);
  return numbers;
}

/**
 * Every allowed pair's fit, computed as `explainFit` does (the same sums in the same order, so the
 * figures agree to the last bit) but on competency indices instead of sets.
 */
function pairFits(
  mentees: readonly MenteeInput[],
  mentors: readonly MentorInput[],
  weights: FitWeights,
  broken: Uint8Array,
): Float64Array {
  const competencies = new Map<string, number>();
  const competencyOf = (id: string) => {
    let index = competencies.get(id);
    if (index === undefined) competencies.set(id, (index = competencies.size));
    return index;
  };
  const goalCompetencies = mentees.map((mentee) =>
    Int32Array.from(mentee.goals, (goal) => competencyOf(goal.competencyId)),
  );
  const strengthLists = mentors.map((mentor) => mentor.strengths.map(competencyOf));
  const width = competencies.size;
  const teaches = new Uint8Array(mentors.length * width);
  strengthLists.forEach((list, mentor) =>
    list.forEach((competency) => (teaches[mentor * width + competency] = 1)),
  );
  const team = teamNumbers(mentees, mentors);
  const mentorTeam = Int32Array.from(mentors, (mentor) => team.get(mentor.teamId)!);
  const mentorBand = Float64Array.from(mentors, (mentor) => mentor.band);
  // Local copies: under some module loaders (tsx, Vitest) every use of an imported binding is a getter call.
  const [combine, goalFactorOf, levelFactorOf] = [combineFit, goalScore, levelScore];

  const fit = new Float64Array(mentees.length * mentors.length).fill(NaN);
  for (let row = 0; row < mentees.length; row++) {
    const mentee = mentees[row]!;
    const goals = goalCompetencies[row]!;
    const gaps = Float64Array.from(mentee.goals, (goal) => goal.gap);
    const totalGap = gaps.reduce((sum, gap) => sum + gap, 0);
    const menteeTeam = team.get(mentee.teamId)!;
    const base = row * mentors.length;
    for (let col = 0; col < mentors.length; col++) {
      if (broken[base + col] !== 0) continue;
      let coveredGap = 0;
      let coveredCount = 0;
      for (let goal = 0; goal < goals.length; goal++) {
        if (teaches[col * width + goals[goal]!] === 1) {
          coveredGap += gaps[goal]!;
          coveredCount++;
        }
      }
      const goalFactor = goalFactorOf(coveredGap, totalGap, coveredCount, goals.length);
      fit[base + col] = combine(
        weights,
        goalFactor,
        mentorTeam[col] === menteeTeam ? 0 : 1,
        levelFactorOf(mentorBand[col]! - mentee.targetBand),
      );
    }
  }
  return fit;
}
