/**
 * Typo distance and the closest candidate: pure, with no words of its own, since the published
 * site's search runs it in the browser (`text-similarity.ts`); the checks word a suggestion in
 * `check-messages.ts` (`didYouMean`).
 */

/**
 * Optimal string alignment distance: a swapped pair of letters counts as one typo. Three rows of
 * the table, not the whole of it: the published site compares every pair of levels' expectations,
 * and building a table of arrays per pair of texts was most of its build.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = b.length;
  if (a.length === 0) return n;
  if (n === 0) return a.length;
  let twoAbove = new Array<number>(n + 1).fill(0);
  let above = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1);
    const letterBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const other = b.charCodeAt(j - 1);
      let best = Math.min(
        above[j]! + 1,
        row[j - 1]! + 1,
        above[j - 1]! + (letter === other ? 0 : 1),
      );
      if (j > 1 && letterBefore === other && letter === b.charCodeAt(j - 2))
        best = Math.min(best, twoAbove[j - 2]! + 1);
      row[j] = best;
    }
    [twoAbove, above, row] = [above, row, twoAbove];
  }
  return above[n]!;
}

/** The closest candidate when it is plausibly a typo; far-off guesses only confuse. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const allowed = Math.max(1, Math.min(3, Math.floor(candidate.length / 3)));
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
