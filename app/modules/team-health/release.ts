/**
 * What a team's results may show, and when (decision 099). Pure.
 *
 * Answers are stored with no person and no time, each in a release batch numbered by its place:
 * the k-th answer (from 0) falls in batch ⌊k / floor⌋, the floor being the team's when the check-in
 * started (the highest of its people's, app/modules/disclosure/floors.server.ts). A batch is
 * released once it is whole (the floor's number of answers); a last batch that is not whole by the
 * close is never released: adding it would change what a reader read by fewer answers than the floor.
 *
 * Every shown figure of an item is worked out from the released answers to it. A reader who knows
 * the scale and their own answer must not learn another's: a batch's answers to an item are "too
 * alike" when removing any one of them leaves fewer than two different values (all answers in one
 * option, or all but one; a mean of 7.0). An item shows its released batches in order up to the
 * first batch too alike, and stays there for the rest of the check-in: a reader can take each shown
 * batch apart from the one before (every one passes the test), and learns of the withheld batch only
 * that it was too alike, never its values. Showing the item again later would let them: the
 * generated attack (test/unit/team-health/release.test.ts) found a reader whose own answer was the
 * odd one out in a withheld batch pin the others once the next batch was shown.
 */

/** Which batch the answer that comes after `answersBefore` others falls in. */
export function batchOf(answersBefore: number, floor: number): number {
  return Math.floor(answersBefore / floor);
}

/** How many batches are released: the whole ones. A partial last batch never is, even at the close. */
export function releasedBatchCount(answers: number, floor: number): number {
  return Math.floor(answers / floor);
}

/** True when `answersBefore` + 1 answers complete a batch (the moment the figures move). */
export function completesBatch(answersBefore: number, floor: number): boolean {
  return (answersBefore + 1) % floor === 0;
}

/** Too alike to show: with some one answer removed, fewer than two different values remain. */
export function tooAlike(values: readonly (number | string)[]): boolean {
  const counts = new Map<number | string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  if (counts.size >= 3) return false;
  if (counts.size <= 1) return true;
  return [...counts.values()].some((count) => count === 1);
}

/** An answer as the release reads it: its batch and its values by item (skipped items absent). */
export type StoredAnswer = { batch: number; values: Readonly<Record<string, number | string>> };

export type ItemRelease<V> = {
  /** How many batches the shown values come from (0: nothing shown yet). */
  batches: number;
  /** The released values of the item, as of those batches. */
  values: V[];
  /** True when some released batch is not shown because the answers were too alike. */
  withheld: boolean;
};

/**
 * The values an item shows, given the answers and how many batches are released: its batches in
 * order up to the first one too alike on its own (which, with every later one, is not shown).
 */
export function itemRelease<V extends number | string>(
  answers: readonly StoredAnswer[],
  released: number,
  item: string,
): ItemRelease<V> {
  const byBatch: V[][] = Array.from({ length: released }, () => []);
  for (const answer of answers) {
    const value = answer.values[item];
    if (answer.batch < released && value !== undefined && value !== null)
      byBatch[answer.batch]!.push(value as V);
  }
  const firstTooAlike = byBatch.findIndex((batch) => tooAlike(batch));
  const shown = firstTooAlike === -1 ? released : firstTooAlike;
  return { batches: shown, values: byBatch.slice(0, shown).flat(), withheld: shown < released };
}
