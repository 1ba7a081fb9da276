import type { Message } from "~/i18n/messages";
/**
 * The plain data mentorship matching works on and returns. Callers prepare it from the
 * database (bands from the ladder's level equivalence, gaps from reviews, chains from the
 * reporting line); nothing here knows where it came from.
 */

export interface Goal {
  competencyId: string;
  /** Target rating minus current rating (0 or more): how far the mentee has to go. */
  gap: number;
}

export interface MenteeInput {
  id: string;
  teamId: string;
  /** The mentee's named time zone ("Europe/London"). */
  timeZone: string;
  /** The equivalence band of the level the mentee is working towards. */
  targetBand: number;
  goals: readonly Goal[];
  /** The ids of everyone above the mentee in the reporting line. */
  managementChainIds: readonly string[];
  /** Mentors the mentee was paired with before. */
  pastMentorIds: readonly string[];
}

export interface MentorInput {
  id: string;
  teamId: string;
  /** The mentor's named time zone. */
  timeZone: string;
  /** How many mentees the mentor takes; defaults to the programme's maximum and never exceeds it. */
  capacity?: number;
  /** The equivalence band of the mentor's own level. */
  band: number;
  /** Competencies the mentor can teach. */
  strengths: readonly string[];
  /** The ids of everyone above the mentor in the reporting line. */
  managementChainIds: readonly string[];
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export interface ProgrammeRules {
  /** Each mentor's capacity when they give none, and the most any mentor takes. */
  maxMenteesPerMentor: number;
  allowRepeatPairs: boolean;
  crossTeamOnly: boolean;
  /**
   * The largest time-zone difference allowed, in hours (on the 24-hour clock) on any day from
   * `startsOn` to `endsOn`, as clocks change on different days; null turns the rule off.
   */
  maxTimeZoneDifferenceHours: number | null;
  /** The programme's first and last days. */
  startsOn: Date;
  endsOn: Date;
  /** Pairs that must be in the result. */
  pins: readonly PairRef[];
  /** Pairs that must not be. */
  forbids: readonly PairRef[];
}

/** How much each soft factor (each scored from 0 to 1) counts towards a pair's fit. */
export interface FitWeights {
  goals: number;
  crossTeam: number;
  level: number;
}

/**
 * "most-fit" maximises the total fit (a mentee is left unpaired when that raises the total);
 * "most-matched" pairs as many mentees as possible, then maximises the total fit among those pairings.
 */
export type Objective = "most-fit" | "most-matched";

export interface MatchingInput {
  mentees: readonly MenteeInput[];
  mentors: readonly MentorInput[];
  rules: ProgrammeRules;
  /** Missing weights take the defaults (`DEFAULT_WEIGHTS`). */
  weights?: Partial<FitWeights>;
  objective: Objective;
  /**
   * When set, the pairing first raises the lowest fit of any proposed pair as far as it can while
   * pairing as many mentees as the objective does, then maximises the total fit above that floor.
   */
  fairness?: boolean;
  /** Competency names for explanations; ids are shown where a name is missing. */
  competencyNames?: Readonly<Record<string, string>>;
  /**
   * Pairs a mentee requested and their mentor accepted: fixed before anything else, using the
   * mentor's slots, whatever their fit (requests.ts checked the hard rules when they were made).
   */
  requested?: readonly RequestedPair[];
}

export interface RequestedPair extends PairRef {
  /** The mentee's order of preference for this mentor: 1, 2 or 3. */
  rank: number;
}

export const HARD_RULES = [
  "self",
  "management-chain",
  "level",
  "repeat",
  "same-team",
  "time-zone",
  "forbidden",
] as const;

/** A rule a pair must never break. */
export type HardRule = (typeof HARD_RULES)[number];

export type FitFactor = "goals" | "cross-team" | "level";

export interface FactorExplanation {
  factor: FitFactor;
  /** The factor's score, from 0 to 1. */
  raw: number;
  weight: number;
  /** raw × weight: this factor's share of the pair's fit. */
  contribution: number;
  /** Why the factor scored as it did; pairs saved before explanations were messages keep their English sentence. */
  text: Message | string;
}

export interface PairExplanation {
  /** The sum of the factors' contributions. */
  fit: number;
  factors: FactorExplanation[];
}

export type PairSource = "proposed" | "pinned" | "accepted" | "requested";

export interface MatchedPair extends PairRef, PairExplanation {
  /**
   * "requested" by the mentee and accepted by the mentor, "pinned" by an admin, "accepted" already
   * (kept by a rerun), or "proposed" by the optimiser.
   */
  source: PairSource;
  /** How the pair came about, in a sentence (`originText`). */
  origin: Message;
}

export interface UnpairedMentee {
  menteeId: string;
  /** For each hard rule, how many mentors it excluded (a mentor can be excluded by several rules). */
  excludedBy: Record<HardRule, number>;
  /** Mentors that pass every hard rule. */
  eligibleMentors: number;
  /** Eligible mentors with a slot still free in this result. */
  eligibleWithFreeSlots: number;
  /** Whether any mentor at all has a slot still free in this result. */
  anyFreeSlots: boolean;
  reason: Message;
}

export interface RejectedPin extends PairRef {
  problem:
    | "unknown-mentee"
    | "unknown-mentor"
    | "mentee-already-paired"
    | "over-capacity"
    | "breaks-rules";
  /** The hard rules the pin breaks (only for "breaks-rules"). */
  rules: HardRule[];
  message: Message;
}

export interface MatchingSummary {
  objective: Objective;
  mentees: number;
  mentors: number;
  /** The mentors' capacities added up. */
  slots: number;
  paired: number;
  unpaired: number;
  pinned: number;
  accepted: number;
  requested: number;
  proposed: number;
  totalFit: number;
  averageFit: number | null;
  lowestFit: number | null;
  /** With fairness: the floor every proposed pair's fit reaches; otherwise null. */
  fairnessThreshold: number | null;
  rejectedPins: number;
}

export interface MatchingResult {
  /** In the order of the input's mentees. */
  pairs: MatchedPair[];
  unpaired: UnpairedMentee[];
  rejectedPins: RejectedPin[];
  summary: MatchingSummary;
}
