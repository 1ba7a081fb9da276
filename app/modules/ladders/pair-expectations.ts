import { normaliseText, textSimilarity } from "./text-similarity";
import type { Expectation } from "./types";

/** Below this, two texts are different expectations, not one reworded. */
const REWORDED_AT_LEAST = 0.5;

/**
 * Expectations that carry the same statement id in both versions are the same statement:
 * a changed text is a rewording, however different the words. The rest are compared by
 * text: unchanged texts are set aside first; what remains is paired greedily by similarity,
 * nudged towards pairs at the same position, since a reworded line usually stays where it was.
 */
export function pairExpectations(before: readonly Expectation[], after: readonly Expectation[]) {
  const newIds = new Set(after.flatMap((expectation) => (expectation.id ? [expectation.id] : [])));
  const oldById = new Map(
    before.flatMap((expectation) =>
      expectation.id && newIds.has(expectation.id) ? [[expectation.id, expectation] as const] : [],
    ),
  );
  const byId: Array<{ from: string; to: string; similarity: number; at: number }> = [];
  after.forEach((expectation, index) => {
    const earlier = expectation.id ? oldById.get(expectation.id) : undefined;
    if (earlier && normaliseText(earlier.text) !== normaliseText(expectation.text)) {
      byId.push({
        from: earlier.text,
        to: expectation.text,
        similarity: Math.round(textSimilarity(earlier.text, expectation.text) * 100) / 100,
        at: index,
      });
    }
  });
  const matched = (expectation: Expectation) =>
    expectation.id !== undefined && expectation.id !== null && oldById.has(expectation.id);
  const byText = diffByText(
    before.filter((expectation) => !(expectation.id && newIds.has(expectation.id))),
    after
      .map((expectation, index) => ({ expectation, index }))
      .filter(({ expectation }) => !matched(expectation)),
  );
  return {
    added: byText.added,
    removed: byText.removed,
    reworded: [...byId, ...byText.reworded]
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...rewording }) => rewording),
  };
}

function diffByText(
  before: readonly Expectation[],
  after: readonly { expectation: Expectation; index: number }[],
) {
  const unchanged = new Set(before.map((expectation) => normaliseText(expectation.text)));
  const kept = new Set(after.map(({ expectation }) => normaliseText(expectation.text)));
  const oldTexts = before
    .map((expectation, index) => ({ text: expectation.text, index }))
    .filter(({ text }) => !kept.has(normaliseText(text)));
  const newTexts = after
    .map(({ expectation, index }) => ({ text: expectation.text, index }))
    .filter(({ text }) => !unchanged.has(normaliseText(text)));

  const candidates = oldTexts.flatMap((left) =>
    newTexts.map((right) => {
      const similarity = textSimilarity(left.text, right.text);
      return {
        left,
        right,
        similarity,
        rank: similarity - 0.05 * Math.abs(left.index - right.index),
      };
    }),
  );
  candidates.sort((a, b) => b.rank - a.rank);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  const reworded: Array<{ from: string; to: string; similarity: number; at: number }> = [];
  for (const { left, right, similarity } of candidates) {
    if (similarity < REWORDED_AT_LEAST || pairedOld.has(left.index) || pairedNew.has(right.index))
      continue;
    pairedOld.add(left.index);
    pairedNew.add(right.index);
    reworded.push({
      from: left.text,
      to: right.text,
      similarity: Math.round(similarity * 100) / 100,
      at: right.index,
    });
  }
  return {
    added: newTexts.filter(({ index }) => !pairedNew.has(index)).map(({ text }) => text),
    removed: oldTexts.filter(({ index }) => !pairedOld.has(index)).map(({ text }) => text),
    reworded,
  };
}
