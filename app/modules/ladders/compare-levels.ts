import { diffWords } from "diff";
import { getLevel } from "./lookups";
import { pairExpectations } from "./pair-expectations";
import type { Competency, Ladder, Level } from "./types";

export interface LevelComparison {
  levelA: Level;
  levelB: Level;
  /** Only competencies where something differs, in ladder order. */
  changes: CompetencyChange[];
}

/** One run of words in a rewording: kept, or only in the first text, or only in the second. */
export interface WordChange {
  text: string;
  kind: "same" | "removed" | "added";
}

export interface CompetencyChange {
  competency: Competency;
  /** "only-a" / "only-b": the competency applies at just one of the two levels (another track, or it starts or stops between them). */
  presence: "both" | "only-a" | "only-b";
  /** Statements only the first level has, with no close counterpart at the second. */
  onlyInA: string[];
  /** Statements only the second level has, with no close counterpart at the first. */
  onlyInB: string[];
  /** Statements both levels make in different words, as a word diff from A to B. */
  reworded: { from: string; to: string; words: WordChange[] }[];
  /** How many statements both levels make in the same words (left out of the comparison). */
  unchanged: number;
  /** The ratings the two levels expect, when both apply and they differ. */
  target: { a: number; b: number } | null;
}

/**
 * What really changes between two levels (any tracks), competency by competency: the question
 * "what changes if I move from A to B?". Statements made in the same words are left out; close
 * rewordings are paired (by statement id, else by similar wording, as the version diff pairs
 * them) and shown as a word diff; the rest are only at one level. A changed target counts too.
 */
export function compareLevels(
  ladder: Ladder,
  levelAId: string,
  levelBId: string,
): LevelComparison | undefined {
  const levelA = getLevel(ladder, levelAId);
  const levelB = getLevel(ladder, levelBId);
  if (levelA === undefined || levelB === undefined) return undefined;
  const inA = new Set(levelA.competencyIds);
  const inB = new Set(levelB.competencyIds);
  const changes: CompetencyChange[] = [];
  for (const competency of ladder.competencies) {
    if (!inA.has(competency.id) && !inB.has(competency.id)) continue;
    const a = levelA.expectations[competency.id] ?? [];
    const b = levelB.expectations[competency.id] ?? [];
    const presence = !inB.has(competency.id)
      ? "only-a"
      : !inA.has(competency.id)
        ? "only-b"
        : "both";
    const paired = pairExpectations(a, b);
    const targetA = levelA.targets[competency.id] ?? levelA.target;
    const targetB = levelB.targets[competency.id] ?? levelB.target;
    const target = presence === "both" && targetA !== targetB ? { a: targetA, b: targetB } : null;
    if (
      paired.added.length === 0 &&
      paired.removed.length === 0 &&
      paired.reworded.length === 0 &&
      target === null
    )
      continue;
    changes.push({
      competency,
      presence,
      onlyInA: paired.removed,
      onlyInB: paired.added,
      reworded: paired.reworded.map(({ from, to }) => ({ from, to, words: wordDiff(from, to) })),
      unchanged: a.length - paired.removed.length - paired.reworded.length,
      target,
    });
  }
  return { levelA, levelB, changes };
}

/** The words kept, removed and added from one text to the other (whitespace kept with its words). */
export function wordDiff(from: string, to: string): WordChange[] {
  return diffWords(from, to).map((part) => ({
    text: part.value,
    kind: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
