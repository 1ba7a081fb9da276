import { normaliseText, textSimilarity } from "./text-similarity";
import type { Expectation, Ladder, Level } from "./types";

export interface LadderDiff {
  competencies: {
    added: CompetencyRef[];
    removed: CompetencyRef[];
    /** Same id with a new name, or a new id with the same name (one removed, one added). */
    renamed: CompetencyRename[];
  };
  levels: { added: LevelRef[]; removed: LevelRef[] };
  /** Within levels and competencies present in both ladders; compared on text (examples are not compared). */
  expectations: { added: ExpectationRef[]; removed: ExpectationRef[]; reworded: ExpectationRewording[] };
}

export interface CompetencyRef {
  id: string;
  name: string;
}

export interface CompetencyRename {
  from: CompetencyRef;
  to: CompetencyRef;
}

export interface LevelRef {
  id: string;
  title: string;
  trackId: string;
}

export interface ExpectationRef {
  levelId: string;
  /** The competency's id in the new ladder when it was renamed. */
  competencyId: string;
  text: string;
}

export interface ExpectationRewording {
  levelId: string;
  competencyId: string;
  from: string;
  to: string;
  /** 0..1 */
  similarity: number;
}

/** Below this, two texts are different expectations, not one reworded. */
const REWORDED_AT_LEAST = 0.5;

/** What changed from one version of a ladder to the next, for changelogs and for re-reading assessments. */
export function diffLadders(oldLadder: Ladder, newLadder: Ladder): LadderDiff {
  const competencies = diffCompetencies(oldLadder, newLadder);
  const oldLevels = levelsById(oldLadder);
  const newLevels = levelsById(newLadder);
  const levelRef = (level: Level): LevelRef => ({ id: level.id, title: level.title, trackId: level.trackId });
  const diff: LadderDiff = {
    competencies,
    levels: {
      added: [...newLevels.values()].filter((level) => !oldLevels.has(level.id)).map(levelRef),
      removed: [...oldLevels.values()].filter((level) => !newLevels.has(level.id)).map(levelRef),
    },
    expectations: { added: [], removed: [], reworded: [] },
  };

  const newIdOf = new Map(competencies.renamed.map((rename) => [rename.from.id, rename.to.id]));
  for (const newLevel of newLevels.values()) {
    const oldLevel = oldLevels.get(newLevel.id);
    if (oldLevel === undefined) continue;
    const competencyIds = new Set([
      ...Object.keys(oldLevel.expectations).map((id) => newIdOf.get(id) ?? id),
      ...Object.keys(newLevel.expectations),
    ]);
    for (const competencyId of competencyIds) {
      const oldId = [...newIdOf].find(([, to]) => to === competencyId)?.[0] ?? competencyId;
      const before = oldLevel.expectations[oldId] ?? [];
      const after = newLevel.expectations[competencyId] ?? [];
      const changes = diffExpectations(before, after);
      const at = { levelId: newLevel.id, competencyId };
      diff.expectations.added.push(...changes.added.map((text) => ({ ...at, text })));
      diff.expectations.removed.push(...changes.removed.map((text) => ({ ...at, text })));
      diff.expectations.reworded.push(...changes.reworded.map((rewording) => ({ ...at, ...rewording })));
    }
  }
  return diff;
}

function diffCompetencies(oldLadder: Ladder, newLadder: Ladder): LadderDiff["competencies"] {
  const oldById = new Map(oldLadder.competencies.map((competency) => [competency.id, competency]));
  const newById = new Map(newLadder.competencies.map((competency) => [competency.id, competency]));
  const ref = ({ id, name }: CompetencyRef): CompetencyRef => ({ id, name });
  let added = newLadder.competencies.filter((competency) => !oldById.has(competency.id)).map(ref);
  let removed = oldLadder.competencies.filter((competency) => !newById.has(competency.id)).map(ref);
  const renamed: CompetencyRename[] = newLadder.competencies.flatMap((competency) => {
    const before = oldById.get(competency.id);
    return before !== undefined && before.name !== competency.name ? [{ from: ref(before), to: ref(competency) }] : [];
  });
  for (const gone of removed) {
    const same = added.find((candidate) => normaliseText(candidate.name) === normaliseText(gone.name));
    if (same === undefined) continue;
    renamed.push({ from: gone, to: same });
    added = added.filter((candidate) => candidate !== same);
    removed = removed.filter((candidate) => candidate !== gone);
  }
  return { added, removed, renamed };
}

function levelsById(ladder: Ladder): Map<string, Level> {
  return new Map(ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level])));
}

/**
 * Expectations that carry the same statement id in both versions are the same statement:
 * a changed text is a rewording, however different the words. The rest are compared by
 * text: unchanged texts are set aside first; what remains is paired greedily by similarity,
 * nudged towards pairs at the same position, since a reworded line usually stays where it was.
 */
function diffExpectations(before: readonly Expectation[], after: readonly Expectation[]) {
  const newIds = new Set(after.flatMap((expectation) => (expectation.id ? [expectation.id] : [])));
  const oldById = new Map(before.flatMap((expectation) => (expectation.id && newIds.has(expectation.id) ? [[expectation.id, expectation] as const] : [])));
  const byId: Array<{ from: string; to: string; similarity: number; at: number }> = [];
  after.forEach((expectation, index) => {
    const earlier = expectation.id ? oldById.get(expectation.id) : undefined;
    if (earlier && normaliseText(earlier.text) !== normaliseText(expectation.text)) {
      byId.push({ from: earlier.text, to: expectation.text, similarity: Math.round(textSimilarity(earlier.text, expectation.text) * 100) / 100, at: index });
    }
  });
  const matched = (expectation: Expectation) => expectation.id !== undefined && expectation.id !== null && oldById.has(expectation.id);
  const byText = diffByText(
    before.filter((expectation) => !(expectation.id && newIds.has(expectation.id))),
    after.map((expectation, index) => ({ expectation, index })).filter(({ expectation }) => !matched(expectation)),
  );
  return {
    added: byText.added,
    removed: byText.removed,
    reworded: [...byId, ...byText.reworded].sort((a, b) => a.at - b.at).map(({ at: _at, ...rewording }) => rewording),
  };
}

function diffByText(before: readonly Expectation[], after: readonly { expectation: Expectation; index: number }[]) {
  const unchanged = new Set(before.map((expectation) => normaliseText(expectation.text)));
  const kept = new Set(after.map(({ expectation }) => normaliseText(expectation.text)));
  const oldTexts = before.map((expectation, index) => ({ text: expectation.text, index })).filter(({ text }) => !kept.has(normaliseText(text)));
  const newTexts = after.map(({ expectation, index }) => ({ text: expectation.text, index })).filter(({ text }) => !unchanged.has(normaliseText(text)));

  const candidates = oldTexts.flatMap((left) =>
    newTexts.map((right) => {
      const similarity = textSimilarity(left.text, right.text);
      return { left, right, similarity, rank: similarity - 0.05 * Math.abs(left.index - right.index) };
    }),
  );
  candidates.sort((a, b) => b.rank - a.rank);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  const reworded: Array<{ from: string; to: string; similarity: number; at: number }> = [];
  for (const { left, right, similarity } of candidates) {
    if (similarity < REWORDED_AT_LEAST || pairedOld.has(left.index) || pairedNew.has(right.index)) continue;
    pairedOld.add(left.index);
    pairedNew.add(right.index);
    reworded.push({ from: left.text, to: right.text, similarity: Math.round(similarity * 100) / 100, at: right.index });
  }
  return {
    added: newTexts.filter(({ index }) => !pairedNew.has(index)).map(({ text }) => text),
    removed: oldTexts.filter(({ index }) => !pairedOld.has(index)).map(({ text }) => text),
    reworded,
  };
}
