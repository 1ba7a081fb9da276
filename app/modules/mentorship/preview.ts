/**
 * What a change would do to a programme's pairs, before anyone publishes it: the difference
 * between two matching results, and a preview of new weights against the current ones.
 */
import { matchProgramme } from "./matching";
import type { FitWeights, MatchedPair, MatchingInput, MatchingResult, PairRef } from "./types";

export interface KeptPair extends PairRef {
  fitBefore: number;
  fitAfter: number;
}

export interface MatchingDiff {
  /** Pairs only in the second result. */
  added: MatchedPair[];
  /** Pairs only in the first result. */
  removed: MatchedPair[];
  /** Pairs in both (the same mentee with the same mentor), with their fit in each. */
  kept: KeptPair[];
  totalFitBefore: number;
  totalFitAfter: number;
}

export interface WeightsPreview {
  before: MatchingResult;
  after: MatchingResult;
  diff: MatchingDiff;
}

/** Compares two results pair by pair. */
export function diffMatchings(before: MatchingResult, after: MatchingResult): MatchingDiff {
  const key = (pair: PairRef) => JSON.stringify([pair.menteeId, pair.mentorId]);
  const beforeByKey = new Map(before.pairs.map((pair) => [key(pair), pair]));
  const afterKeys = new Set(after.pairs.map(key));
  const kept: KeptPair[] = [];
  const added: MatchedPair[] = [];
  for (const pair of after.pairs) {
    const previous = beforeByKey.get(key(pair));
    if (previous)
      kept.push({
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        fitBefore: previous.fit,
        fitAfter: pair.fit,
      });
    else added.push(pair);
  }
  return {
    added,
    removed: before.pairs.filter((pair) => !afterKeys.has(key(pair))),
    kept,
    totalFitBefore: before.summary.totalFit,
    totalFitAfter: after.summary.totalFit,
  };
}

/** Matches the programme with its weights and again with `weights` laid over them, and compares the two. */
export function previewWeights(input: MatchingInput, weights: Partial<FitWeights>): WeightsPreview {
  const before = matchProgramme(input);
  const after = matchProgramme({ ...input, weights: { ...input.weights, ...weights } });
  return { before, after, diff: diffMatchings(before, after) };
}
