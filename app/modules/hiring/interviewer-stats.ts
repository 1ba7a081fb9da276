import { tQuantile } from "~/modules/statistics/intervals";
import { belowFloor, SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { median } from "./debrief";
import { isPositive, type Recommendation, type ScoreEntry } from "./scorecard";

/**
 * Interviewer figures over past loops: how each interviewer's scores sit against their
 * co-panelists' on the same candidates, how often they recommend hiring, and how quickly they
 * submit. One pass over the loops (each loop's cards are compared only with each other), so
 * thousands of loops cost little more than reading them. docs/decisions/021-hiring-statistics.md.
 */

const HOUR = 60 * 60 * 1000;

/** A submitted card of a past loop (the effective one: the latest amendment). */
export interface PastCard {
  interviewerId: string;
  scores: readonly ScoreEntry[];
  recommendation: Recommendation | null;
  /** When the interview took place, and when the card was first submitted; null when unknown. */
  interviewedAt: Date | number | null;
  submittedAt: Date | number | null;
}

export interface PastLoop {
  cards: readonly PastCard[];
}

export interface Offset {
  /**
   * The interviewer's score minus the mean of the co-panelists' scores on the same candidate ×
   * competency, averaged within each candidate, then over candidates (each candidate counts
   * once). Null when they never shared a candidate's competency with anyone.
   */
  estimate: number | null;
  /** Candidates behind the estimate: those on which someone else scored a competency they scored. */
  candidates: number;
  /** Candidate × competency cells behind it. */
  cells: number;
  /** The t interval over candidates (n − 1 degrees of freedom); null below two candidates. */
  interval: [number, number] | null;
  /** The interval excludes zero: they really score higher (or lower) than their co-panelists. */
  excludesZero: boolean;
}

export interface InterviewerStats {
  interviewerId: string;
  /** Cards behind the figures. */
  cards: number;
  offset: Offset;
  recommendations: {
    /** Cards with a recommendation. */
    n: number;
    /** Yes and strong yes. */
    positive: number;
    /** Positive / n; null below the group floor (a rate of three cards is noise). */
    positiveRate: number | null;
  };
  submission: {
    /** Cards with both times (a submission before the interview is taken for bad data and left out). */
    n: number;
    /** Median hours from the interview to the first submission; null with none. */
    medianHours: number | null;
  };
}

interface Tally {
  cards: number;
  /** Per-candidate mean differences: count, sum and sum of squares. */
  candidates: number;
  sum: number;
  squares: number;
  cells: number;
  withRecommendation: number;
  positive: number;
  hours: number[];
}

function time(value: Date | number | null): number | null {
  if (value === null) return null;
  const ms = typeof value === "number" ? value : value.getTime();
  return Number.isFinite(ms) ? ms : null;
}

function tallyFor(tallies: Map<string, Tally>, interviewerId: string): Tally {
  let tally = tallies.get(interviewerId);
  if (tally === undefined) {
    tally = {
      cards: 0,
      candidates: 0,
      sum: 0,
      squares: 0,
      cells: 0,
      withRecommendation: 0,
      positive: 0,
      hours: [],
    };
    tallies.set(interviewerId, tally);
  }
  return tally;
}

/**
 * Working arrays reused across loops: competencies are numbered once, and each loop's totals
 * live in flat arrays indexed by competency (and by the interviewer's place in the loop), so a
 * loop costs a pass over its scores and no allocation.
 */
class OffsetScratch {
  private competencies = new Map<string, number>();
  private capacity = 16;
  private loopSum = new Float64Array(this.capacity);
  private loopCount = new Float64Array(this.capacity);
  /** Per interviewer of the loop (by position), per competency. */
  private ownSum: Float64Array[] = [];
  private ownCount: Float64Array[] = [];
  private touched: number[] = [];

  private indexOf(competencyId: string): number {
    let index = this.competencies.get(competencyId);
    if (index === undefined) {
      index = this.competencies.size;
      this.competencies.set(competencyId, index);
      if (index >= this.capacity) this.grow();
    }
    return index;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = (array: Float64Array) => {
      const wider = new Float64Array(this.capacity);
      wider.set(array);
      return wider;
    };
    this.loopSum = widen(this.loopSum);
    this.loopCount = widen(this.loopCount);
    this.ownSum = this.ownSum.map(widen);
    this.ownCount = this.ownCount.map(widen);
  }

  /** Adds one loop's differences to its interviewers' tallies: each interviewer's own mean per competency against everyone else's mean. */
  addLoop(loop: PastLoop, tallies: Map<string, Tally>): void {
    // An interviewer may hold two cards in a loop (two stages): their scores pool, and are compared with the others'.
    const interviewers: string[] = [];
    for (const card of loop.cards) {
      let position = interviewers.indexOf(card.interviewerId);
      if (position === -1) {
        position = interviewers.push(card.interviewerId) - 1;
        if (position >= this.ownSum.length) {
          this.ownSum.push(new Float64Array(this.capacity));
          this.ownCount.push(new Float64Array(this.capacity));
        }
      }
      for (const { competencyId, score } of card.scores) {
        if (score === null) continue;
        const k = this.indexOf(competencyId);
        if (this.loopCount[k] === 0) this.touched.push(k);
        this.loopSum[k]! += score;
        this.loopCount[k]! += 1;
        this.ownSum[position]![k]! += score;
        this.ownCount[position]![k]! += 1;
      }
    }
    for (let position = 0; position < interviewers.length; position += 1) {
      const ownSum = this.ownSum[position]!;
      const ownCount = this.ownCount[position]!;
      let sum = 0;
      let cells = 0;
      for (const k of this.touched) {
        const mine = ownCount[k]!;
        const others = this.loopCount[k]! - mine;
        if (mine > 0 && others > 0) {
          sum += ownSum[k]! / mine - (this.loopSum[k]! - ownSum[k]!) / others;
          cells += 1;
        }
        ownSum[k] = 0;
        ownCount[k] = 0;
      }
      if (cells === 0) continue;
      const tally = tallyFor(tallies, interviewers[position]!);
      const difference = sum / cells;
      tally.candidates += 1;
      tally.sum += difference;
      tally.squares += difference * difference;
      tally.cells += cells;
    }
    for (const k of this.touched) {
      this.loopSum[k] = 0;
      this.loopCount[k] = 0;
    }
    this.touched.length = 0;
  }
}

function offsetOf(tally: Tally, confidence: number): Offset {
  const n = tally.candidates;
  if (n === 0)
    return { estimate: null, candidates: 0, cells: 0, interval: null, excludesZero: false };
  const estimate = tally.sum / n;
  if (n < 2)
    return { estimate, candidates: n, cells: tally.cells, interval: null, excludesZero: false };
  const variance = Math.max(0, (tally.squares - n * estimate * estimate) / (n - 1));
  const half = tQuantile((1 + confidence) / 2, n - 1) * Math.sqrt(variance / n);
  const interval: [number, number] = [estimate - half, estimate + half];
  return {
    estimate,
    candidates: n,
    cells: tally.cells,
    interval,
    excludesZero: interval[0] > 0 || interval[1] < 0,
  };
}

/**
 * Per interviewer, in order of first appearance: their offset against co-panelists (with a t
 * interval over shared candidates), their share of yes / strong-yes recommendations (shown from
 * `floor` cards), and the median hours from interview to submission.
 */
export function interviewerStats(
  loops: readonly PastLoop[],
  confidence = 0.95,
  floor = SMALL_GROUP_FLOOR,
): InterviewerStats[] {
  const tallies = new Map<string, Tally>();
  const scratch = new OffsetScratch();
  for (const loop of loops) {
    for (const card of loop.cards) {
      const tally = tallyFor(tallies, card.interviewerId);
      tally.cards += 1;
      if (card.recommendation !== null) {
        tally.withRecommendation += 1;
        if (isPositive(card.recommendation)) tally.positive += 1;
      }
      const interviewed = time(card.interviewedAt);
      const submitted = time(card.submittedAt);
      if (interviewed !== null && submitted !== null && submitted >= interviewed)
        tally.hours.push((submitted - interviewed) / HOUR);
    }
    scratch.addLoop(loop, tallies);
  }
  return [...tallies].map(([interviewerId, tally]) => ({
    interviewerId,
    cards: tally.cards,
    offset: offsetOf(tally, confidence),
    recommendations: {
      n: tally.withRecommendation,
      positive: tally.positive,
      positiveRate: !belowFloor(tally.withRecommendation, floor)
        ? tally.positive / tally.withRecommendation
        : null,
    },
    submission: { n: tally.hours.length, medianHours: median(tally.hours) },
  }));
}
