import { pairExpectations } from "./pair-expectations";
import { normaliseText } from "./text-similarity";
import type { Ladder, Level, ScalePoint } from "./types";

export interface LadderDiff {
  competencies: {
    added: CompetencyRef[];
    removed: CompetencyRef[];
    /** Same id with a new name, or a new id with the same name (one removed, one added). */
    renamed: CompetencyRename[];
  };
  levels: { added: LevelRef[]; removed: LevelRef[]; retitled: LevelRetitling[] };
  /** Within levels and competencies present in both ladders; compared on text (examples are not compared). */
  expectations: {
    added: ExpectationRef[];
    removed: ExpectationRef[];
    reworded: ExpectationRewording[];
  };
  /** The rating a level expects, by default (`competencyId` null) or of one competency, where both ladders have it. */
  targets: TargetChange[];
  /** The rating scale's points, by value. */
  scale: {
    added: ScalePoint[];
    removed: ScalePoint[];
    changed: { value: number; from: ScalePoint; to: ScalePoint }[];
  };
}

export interface LevelRetitling {
  id: string;
  trackId: string;
  from: string;
  to: string;
}

export interface TargetChange {
  levelId: string;
  competencyId: string | null;
  from: number;
  to: number;
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
  /** How alike `from` and `to` are, from 0 to 1 (`textSimilarity`, text-similarity.ts). */
  similarity: number;
}

/** What changed from one version of a ladder to the next, for changelogs and for re-reading assessments. */
export function diffLadders(oldLadder: Ladder, newLadder: Ladder): LadderDiff {
  const competencies = diffCompetencies(oldLadder, newLadder);
  const oldLevels = levelsById(oldLadder);
  const newLevels = levelsById(newLadder);
  const levelRef = (level: Level): LevelRef => ({
    id: level.id,
    title: level.title,
    trackId: level.trackId,
  });
  const diff: LadderDiff = {
    competencies,
    levels: {
      added: [...newLevels.values()].filter((level) => !oldLevels.has(level.id)).map(levelRef),
      removed: [...oldLevels.values()].filter((level) => !newLevels.has(level.id)).map(levelRef),
      retitled: [...newLevels.values()].flatMap((level) => {
        const before = oldLevels.get(level.id);
        return before && before.title !== level.title
          ? [{ id: level.id, trackId: level.trackId, from: before.title, to: level.title }]
          : [];
      }),
    },
    expectations: { added: [], removed: [], reworded: [] },
    targets: [],
    scale: diffScale(oldLadder.scale, newLadder.scale),
  };

  const newIdOf = new Map(competencies.renamed.map((rename) => [rename.from.id, rename.to.id]));
  for (const newLevel of newLevels.values()) {
    const oldLevel = oldLevels.get(newLevel.id);
    if (oldLevel === undefined) continue;
    if (oldLevel.target !== newLevel.target)
      diff.targets.push({
        levelId: newLevel.id,
        competencyId: null,
        from: oldLevel.target,
        to: newLevel.target,
      });
    const competencyIds = new Set([
      ...Object.keys(oldLevel.expectations).map((id) => newIdOf.get(id) ?? id),
      ...Object.keys(newLevel.expectations),
    ]);
    for (const competencyId of competencyIds) {
      const oldId = [...newIdOf].find(([, to]) => to === competencyId)?.[0] ?? competencyId;
      const before = oldLevel.expectations[oldId] ?? [];
      const after = newLevel.expectations[competencyId] ?? [];
      const changes = pairExpectations(before, after);
      const at = { levelId: newLevel.id, competencyId };
      const [targetBefore, targetAfter] = [oldLevel.targets[oldId], newLevel.targets[competencyId]];
      // A competency's own target is listed where it moved otherwise than the level's default did.
      if (
        targetBefore !== undefined &&
        targetAfter !== undefined &&
        targetBefore !== targetAfter &&
        (targetBefore !== oldLevel.target || targetAfter !== newLevel.target)
      ) {
        diff.targets.push({ ...at, from: targetBefore, to: targetAfter });
      }
      diff.expectations.added.push(...changes.added.map((text) => ({ ...at, text })));
      diff.expectations.removed.push(...changes.removed.map((text) => ({ ...at, text })));
      diff.expectations.reworded.push(
        ...changes.reworded.map((rewording) => ({ ...at, ...rewording })),
      );
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
    return before !== undefined && before.name !== competency.name
      ? [{ from: ref(before), to: ref(competency) }]
      : [];
  });
  for (const gone of removed) {
    const same = added.find(
      (candidate) => normaliseText(candidate.name) === normaliseText(gone.name),
    );
    if (same === undefined) continue;
    renamed.push({ from: gone, to: same });
    added = added.filter((candidate) => candidate !== same);
    removed = removed.filter((candidate) => candidate !== gone);
  }
  return { added, removed, renamed };
}

function diffScale(
  before: readonly ScalePoint[],
  after: readonly ScalePoint[],
): LadderDiff["scale"] {
  const oldByValue = new Map(before.map((point) => [point.value, point]));
  const newByValue = new Map(after.map((point) => [point.value, point]));
  return {
    added: after.filter((point) => !oldByValue.has(point.value)),
    removed: before.filter((point) => !newByValue.has(point.value)),
    changed: after.flatMap((point) => {
      const was = oldByValue.get(point.value);
      return was && (was.label !== point.label || was.meaning !== point.meaning)
        ? [{ value: point.value, from: was, to: point }]
        : [];
    }),
  };
}

function levelsById(ladder: Ladder): Map<string, Level> {
  return new Map(ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level])));
}
