import { editDistance } from "./suggest";

/** Folds case, accents and spacing, so "Organisation" and "organisation " compare equal. */
export function normaliseText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function words(text: string): string[] {
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/**
 * 0..1: the better of word overlap (robust to reordered clauses) and character edit distance
 * (robust to small edits within words).
 */
export function textSimilarity(a: string, b: string): number {
  const left = normaliseText(a);
  const right = normaliseText(b);
  if (left === right) return 1;
  const longest = Math.max(left.length, right.length);
  const leftWords = new Set(words(left));
  const rightWords = new Set(words(right));
  const shared = [...leftWords].filter((word) => rightWords.has(word)).length;
  const byWords =
    leftWords.size + rightWords.size === 0 ? 1 : (2 * shared) / (leftWords.size + rightWords.size);
  // The distance is at least the difference in length, so the characters can score no more than
  // this: when the words already reach it, the distance cannot change the answer.
  const charactersAtMost = 1 - Math.abs(left.length - right.length) / longest;
  if (byWords >= charactersAtMost) return byWords;
  return Math.max(1 - editDistance(left, right) / longest, byWords);
}
