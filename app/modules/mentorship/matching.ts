/**
 * Pairs a whole mentorship programme at once. Each mentee is a row; each mentor is expanded into
 * one slot per unit of capacity (passed to the core as one column with that capacity, which is
 * the same problem without repeating identical columns), and the assignment core
 * (`assignment.ts`) finds the exact optimum of the objective over the whole programme: no greedy
 * step, so no early pair blocks a better pairing. Requested (and accepted), already accepted and
 * pinned pairs are fixed first and use their mentors' slots.
 */
import { InvalidError } from "~/modules/errors";
import { solveAssignment, type AssignmentOptions } from "./assignment";
import { allowedPairs, bottleneckThreshold, pairsAbove } from "./fairness";
import { explainFit, originText } from "./fit";
import { prepareProgramme, type Programme } from "./programme";
import { RULE_BIT, RULE_KEYS, rulesIn } from "./rules";
import {
  HARD_RULES,
  type HardRule,
  type MatchedPair,
  type MatchingInput,
  type MatchingResult,
  type MatchingSummary,
  type Objective,
  type PairRef,
  type PairSource,
  type RejectedPin,
  type RequestedPair,
  type UnpairedMentee,
} from "./types";
import { listOf, type Message } from "~/i18n/messages";
import { smallest } from "~/utils/extremes";

/** Proposes pairs for the whole programme: requested pairs and pins first, then the optimum of the objective for everyone else. */
export function matchProgramme(input: MatchingInput): MatchingResult {
  return pairProgramme(input, []);
}

/**
 * Reruns the programme for the mentees without an accepted pair, after someone declined: the
 * accepted pairs are kept as they are (even if a rule changed since) and use their mentors' slots;
 * everyone else is paired again, pins included. To keep a declined pair from coming back, add it
 * to the rules' forbids.
 */
export function rerunForUnpaired(
  input: MatchingInput,
  accepted: readonly PairRef[],
): MatchingResult {
  return pairProgramme(input, accepted);
}

/** A pair by index: `mentee` into the programme's mentees, `mentor` into its mentors. */
interface IndexPair {
  mentee: number;
  mentor: number;
}

type FixedSource = Exclude<PairSource, "proposed">;

interface FixedPairs {
  pairs: (IndexPair & { source: FixedSource; rank?: number })[];
  rejectedPins: RejectedPin[];
  /** Per mentee: 1 once a fixed pair holds them. */
  paired: Uint8Array;
  /** Per mentor: the slots the fixed pairs leave free. */
  freeSlots: Int32Array;
}

function pairProgramme(input: MatchingInput, accepted: readonly PairRef[]): MatchingResult {
  const programme = prepareProgramme(input);
  const fixed = fixPairs(programme, input.requested ?? [], accepted, input.rules.pins);
  const rows = programme.mentees
    .map((_, mentee) => mentee)
    .filter((mentee) => fixed.paired[mentee] === 0);
  const { pairs: proposed, threshold } = optimise(
    programme,
    rows,
    fixed.freeSlots,
    input.objective,
    input.fairness ?? false,
  );

  const slotsLeft = fixed.freeSlots.slice();
  const pairedMentees = new Set<number>();
  for (const pair of proposed) {
    slotsLeft[pair.mentor]!--;
    pairedMentees.add(pair.mentee);
  }
  const pairs = [
    ...fixed.pairs,
    ...proposed.map((pair) => ({ ...pair, source: "proposed" as const })),
  ]
    .sort((a, b) => a.mentee - b.mentee)
    .map((pair) => describePair(programme, pair, input.competencyNames));
  const unpaired = rows
    .filter((mentee) => !pairedMentees.has(mentee))
    .map((mentee) => unpairedReport(programme, mentee, slotsLeft, threshold !== null));
  return {
    pairs,
    unpaired,
    rejectedPins: fixed.rejectedPins,
    summary: summarise(programme, input.objective, pairs, unpaired, fixed.rejectedPins, threshold),
  };
}

/** Takes the requested and the accepted pairs as they are, then checks each pin in order and takes those that hold. */
function fixPairs(
  programme: Programme,
  requested: readonly RequestedPair[],
  accepted: readonly PairRef[],
  pins: readonly PairRef[],
): FixedPairs {
  const fixed: FixedPairs = {
    pairs: [],
    rejectedPins: [],
    paired: new Uint8Array(programme.mentees.length),
    freeSlots: programme.capacity.slice(),
  };
  const take = (mentee: number, mentor: number, source: FixedSource, rank?: number) => {
    fixed.pairs.push({ mentee, mentor, source, ...(rank === undefined ? {} : { rank }) });
    fixed.paired[mentee] = 1;
    fixed.freeSlots[mentor] = Math.max(0, fixed.freeSlots[mentor]! - 1);
  };
  const keep = (pair: PairRef & { rank?: number }, source: "requested" | "accepted") => {
    const mentee = programme.menteeIndex.get(pair.menteeId);
    const mentor = programme.mentorIndex.get(pair.mentorId);
    if (mentee === undefined || mentor === undefined)
      throw new InvalidError(
        `The ${source} pair ${pair.menteeId} – ${pair.mentorId} names someone outside the programme.`,
      );
    if (fixed.paired[mentee] === 1)
      throw new InvalidError(`${pair.menteeId} has more than one requested or accepted pair.`);
    take(mentee, mentor, source, pair.rank);
  };
  for (const pair of requested) keep(pair, "requested");
  for (const pair of accepted) keep(pair, "accepted");
  for (const pin of pins) {
    const problem = pinProblem(programme, pin, fixed);
    if (problem) fixed.rejectedPins.push(problem);
    else
      take(
        programme.menteeIndex.get(pin.menteeId)!,
        programme.mentorIndex.get(pin.mentorId)!,
        "pinned",
      );
  }
  return fixed;
}

/** Why a pin cannot be applied, or null when it can. */
function pinProblem(programme: Programme, pin: PairRef, fixed: FixedPairs): RejectedPin | null {
  const mentee = programme.menteeIndex.get(pin.menteeId);
  const mentor = programme.mentorIndex.get(pin.mentorId);
  // Why, in the words the matching page shows beside the pin's two names.
  const reject = (
    problem: RejectedPin["problem"],
    message: Message,
    rules: HardRule[] = [],
  ): RejectedPin => ({ ...pin, problem, rules, message });
  if (mentee === undefined) return reject("unknown-mentee", say("matching.pin.unknownMentee"));
  if (mentor === undefined) return reject("unknown-mentor", say("matching.pin.unknownMentor"));
  if (fixed.paired[mentee] === 1)
    return reject("mentee-already-paired", say("matching.pin.alreadyPaired"));
  const broken = rulesIn(programme.broken[mentee * programme.mentors.length + mentor]!);
  if (broken.length > 0)
    return reject(
      "breaks-rules",
      say("matching.pin.breaksRules", {
        rules: listOf(broken.map((rule) => say(RULE_KEYS[rule]))),
      }),
      broken,
    );
  if (fixed.freeSlots[mentor] === 0)
    return reject(
      "over-capacity",
      say("matching.pin.full", { capacity: programme.capacity[mentor]! }),
    );
  return null;
}

/**
 * The optimiser's pairs for the mentees in `rows` over the mentors' free slots. With fairness,
 * the number of pairs is the objective's (for "most-matched" the maximum matching's, known without
 * solving; for "most-fit" that of a first pass), the floor is raised to the bottleneck threshold,
 * and a second pass maximises the total fit above it with that many pairs.
 */
function optimise(
  programme: Programme,
  rows: number[],
  freeSlots: Int32Array,
  objective: Objective,
  fairness: boolean,
): { pairs: IndexPair[]; threshold: number | null } {
  // "most-fit": leaving a mentee unpaired costs 0, so only pairs that raise the total are made;
  // "most-matched": the core pairs as many rows as it can, then minimises the cost (−fit) among those pairings.
  const options: AssignmentOptions = objective === "most-fit" ? { unassignedCost: 0 } : {};
  if (!fairness)
    return {
      pairs: assignMentees(programme, rows, freeSlots, -Infinity, options),
      threshold: null,
    };
  const graph = allowedPairs(programme, rows, freeSlots);
  const first =
    objective === "most-fit" ? assignMentees(programme, rows, freeSlots, -Infinity, options) : null;
  const size = first ? first.length : pairsAbove(graph, -Infinity);
  if (size === 0) return { pairs: [], threshold: null };
  const threshold = bottleneckThreshold(graph, size);
  // When the floor cannot rise, the first pass is already the best pairing above it.
  if (first && threshold === smallest(first.map((pair) => fitOf(programme, pair))))
    return { pairs: first, threshold };
  return { pairs: bestOfSize(programme, rows, freeSlots, size, threshold), threshold };
}

function fitOf(programme: Programme, pair: IndexPair): number {
  return programme.fit[pair.mentee * programme.mentors.length + pair.mentor]!;
}

/** Room for spare assignments: `places` more, each at `cost`, open to every mentee. */
interface SpareColumn {
  places: number;
  cost: number;
}

/**
 * Solves the assignment of `rows` (mentee indices) to the mentors with free slots, one column per
 * mentor with its free slots as the column's capacity (the same as one column per slot). A cell
 * costs −fit where the pair is allowed and its fit is at least `minimumFit`, Infinity elsewhere.
 * An optional spare column takes rows that are then counted as unpaired. Returns the pairs made.
 */
function assignMentees(
  programme: Programme,
  rows: number[],
  freeSlots: Int32Array,
  minimumFit: number,
  options: AssignmentOptions,
  spare?: SpareColumn,
): IndexPair[] {
  const mentorCount = programme.mentors.length;
  const columnMentor = Array.from(freeSlots.keys()).filter((mentor) => freeSlots[mentor]! > 0);
  const capacity = Int32Array.from(columnMentor, (mentor) => freeSlots[mentor]!);
  const mentorColumns = columnMentor.length;
  const cols = mentorColumns + (spare ? 1 : 0);
  const cost = new Float64Array(rows.length * cols);
  rows.forEach((mentee, row) => {
    const base = row * cols;
    const fitBase = mentee * mentorCount;
    for (let col = 0; col < mentorColumns; col++) {
      const fit = programme.fit[fitBase + columnMentor[col]!]!;
      // NaN (a broken rule) fails this comparison too.
      cost[base + col] = fit >= minimumFit ? -fit : Infinity;
    }
    if (spare) cost[base + mentorColumns] = spare.cost;
  });
  const columnCapacity = spare ? Int32Array.from([...capacity, spare.places]) : capacity;
  const { rowToCol } = solveAssignment(cost, rows.length, cols, { ...options, columnCapacity });
  const pairs: IndexPair[] = [];
  rows.forEach((mentee, row) => {
    const col = rowToCol[row]!;
    if (col >= 0 && col < mentorColumns) pairs.push({ mentee, mentor: columnMentor[col]! });
  });
  return pairs;
}

/**
 * The pairing of exactly `size` mentees, each pair's fit at least `threshold`, with the largest
 * total fit. A spare column takes the other `rows − size` mentees at a cost (−bonus) lower than any
 * pair can save, so the core fills it and pairs exactly `size` mentees with mentors, choosing
 * those with the least cost (the most fit).
 */
function bestOfSize(
  programme: Programme,
  rows: number[],
  freeSlots: Int32Array,
  size: number,
  threshold: number,
): IndexPair[] {
  const { goals, crossTeam, level } = programme.weights;
  const bonus = (rows.length + 1) * (goals + crossTeam + level) + 1;
  return assignMentees(
    programme,
    rows,
    freeSlots,
    threshold,
    {},
    { places: rows.length - size, cost: -bonus },
  );
}

function describePair(
  programme: Programme,
  pair: IndexPair & { source: PairSource; rank?: number },
  competencyNames: MatchingInput["competencyNames"],
): MatchedPair {
  const mentee = programme.mentees[pair.mentee]!;
  const mentor = programme.mentors[pair.mentor]!;
  return {
    menteeId: mentee.id,
    mentorId: mentor.id,
    source: pair.source,
    origin: originText(pair.source, pair.rank),
    ...explainFit(mentee, mentor, programme.weights, competencyNames),
  };
}

/** Why a mentee is unpaired: how many mentors each hard rule excluded, and whether eligible mentors had room. */
function unpairedReport(
  programme: Programme,
  mentee: number,
  slotsLeft: Int32Array,
  fairness: boolean,
): UnpairedMentee {
  const excludedBy = Object.fromEntries(HARD_RULES.map((rule) => [rule, 0])) as Record<
    HardRule,
    number
  >;
  let eligibleMentors = 0;
  let eligibleWithFreeSlots = 0;
  programme.mentors.forEach((_, mentor) => {
    const mask = programme.broken[mentee * programme.mentors.length + mentor]!;
    if (mask === 0) {
      eligibleMentors++;
      if (slotsLeft[mentor]! > 0) eligibleWithFreeSlots++;
    }
    for (const rule of HARD_RULES) if (mask & RULE_BIT[rule]) excludedBy[rule]++;
  });
  const anyFreeSlots = slotsLeft.some((slots) => slots > 0);
  return {
    menteeId: programme.mentees[mentee]!.id,
    excludedBy,
    eligibleMentors,
    eligibleWithFreeSlots,
    anyFreeSlots,
    reason: unpairedReason(
      excludedBy,
      eligibleMentors,
      eligibleWithFreeSlots,
      anyFreeSlots,
      fairness,
    ),
  };
}

const say = (key: string, values?: Message["values"]): Message =>
  values ? { key: `mentorship:${key}`, values } : { key: `mentorship:${key}` };

function unpairedReason(
  excludedBy: Record<HardRule, number>,
  eligible: number,
  eligibleWithFreeSlots: number,
  anyFreeSlots: boolean,
  fairness: boolean,
): Message {
  if (eligible === 0) {
    const rules = HARD_RULES.filter((rule) => excludedBy[rule] > 0)
      .sort((a, b) => excludedBy[b] - excludedBy[a])
      .map((rule) =>
        say("unpaired.ruleCount", { rule: say(RULE_KEYS[rule]), count: excludedBy[rule] }),
      );
    return rules.length === 0
      ? say("unpaired.noMentors")
      : say("unpaired.rules", { rules: listOf(rules) });
  }
  if (eligibleWithFreeSlots === 0)
    return say(anyFreeSlots ? "unpaired.fullElsewhere" : "unpaired.full", { eligible });
  return say(fairness ? "unpaired.freeFairness" : "unpaired.freeNoFit", {
    free: eligibleWithFreeSlots,
    eligible,
  });
}

function summarise(
  programme: Programme,
  objective: Objective,
  pairs: MatchedPair[],
  unpaired: UnpairedMentee[],
  rejectedPins: RejectedPin[],
  fairnessThreshold: number | null,
): MatchingSummary {
  const totalFit = pairs.reduce((sum, pair) => sum + pair.fit, 0);
  const count = (source: MatchedPair["source"]) =>
    pairs.filter((pair) => pair.source === source).length;
  return {
    objective,
    mentees: programme.mentees.length,
    mentors: programme.mentors.length,
    slots: programme.capacity.reduce((sum, slots) => sum + slots, 0),
    paired: pairs.length,
    unpaired: unpaired.length,
    pinned: count("pinned"),
    accepted: count("accepted"),
    requested: count("requested"),
    proposed: count("proposed"),
    totalFit,
    averageFit: pairs.length > 0 ? totalFit / pairs.length : null,
    lowestFit: pairs.length > 0 ? smallest(pairs.map((pair) => pair.fit)) : null,
    fairnessThreshold,
    rejectedPins: rejectedPins.length,
  };
}
