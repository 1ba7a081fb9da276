import { getLevel } from "./lookups";
import { normaliseText } from "./text-similarity";
import type { Competency, Expectation, Ladder, Level } from "./types";

export interface LevelComparison {
  levelA: Level;
  levelB: Level;
  /** Only competencies where something differs, in ladder order. */
  changes: CompetencyChange[];
}

export interface CompetencyChange {
  competency: Competency;
  /** "only-a" / "only-b": the competency applies at just one of the two levels (another track, or it starts or stops between them). */
  presence: "both" | "only-a" | "only-b";
  onlyInA: Expectation[];
  onlyInB: Expectation[];
}

/**
 * What differs between two levels (any tracks), competency by competency: the question "what
 * changes if I move from A to B?". Expectations are matched on their text, ignoring case and spacing.
 */
export function compareLevels(ladder: Ladder, levelAId: string, levelBId: string): LevelComparison | undefined {
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
    const presence = !inB.has(competency.id) ? "only-a" : !inA.has(competency.id) ? "only-b" : "both";
    const textsA = new Set(a.map((expectation) => normaliseText(expectation.text)));
    const textsB = new Set(b.map((expectation) => normaliseText(expectation.text)));
    const onlyInA = a.filter((expectation) => !textsB.has(normaliseText(expectation.text)));
    const onlyInB = b.filter((expectation) => !textsA.has(normaliseText(expectation.text)));
    if (onlyInA.length === 0 && onlyInB.length === 0) continue;
    changes.push({ competency, presence, onlyInA, onlyInB });
  }
  return { levelA, levelB, changes };
}
