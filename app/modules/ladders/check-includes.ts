import type { Message } from "~/i18n/messages";
import { check, didYouMean } from "./check-messages";
import { appliesRange } from "./applies";
import type { InheritedExpectations } from "./includes";
import type { LadderError } from "./ladder-errors";
import { knownIds, type LadderParts } from "./merge";
import { errorAt } from "./yaml-source";

/** The key under which checkExpectations looks up a level's inherited expectations. */
export function inheritedKey(levelId: string, competencyId: string): string {
  return `${levelId}\u0000${competencyId}`;
}

/**
 * The expectations each level inherits, by `inheritedKey`, in include order. A shared file
 * may name levels the ladder lacks only by mistake (reported below); an included ladder's
 * other levels are simply not this ladder's.
 */
export function inheritedByLevel(parts: LadderParts): Map<string, InheritedExpectations[]> {
  const levels = new Set(
    parts.tracks.flatMap((track) => track.value.levels.map((level) => level.id)),
  );
  const found = new Map<string, InheritedExpectations[]>();
  for (const entry of parts.inheritedExpectations) {
    if (!levels.has(entry.levelId)) continue;
    const key = inheritedKey(entry.levelId, entry.competencyId);
    found.set(key, [...(found.get(key) ?? []), entry]);
  }
  return found;
}

/**
 * What only includes can get wrong: a ladder holding a shared source's sections, and
 * inherited expectations for a level the ladder lacks, for a competency that is not an
 * included one, or where the competency does not apply.
 */
export function checkIncludes(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  for (const section of ["shared", "expectations"] as const) {
    for (const origin of parts.definitions[section]) {
      errors.push(
        errorAt(
          origin.source,
          [],
          check(section === "shared" ? "includes.ladderIsShared" : "includes.topLevelExpectations"),
          section,
        ),
      );
    }
  }

  const levelIds = knownIds(parts, "level");
  const levels = new Map(
    parts.tracks.flatMap((track) =>
      track.value.levels.map((level, rank) => [level.id, { track: track.value, rank }] as const),
    ),
  );
  const competencies = new Map(
    parts.competencies.map((competency) => [competency.value.id, competency]),
  );
  const knownCompetencies = knownIds(parts, "competency");
  for (const entry of parts.inheritedExpectations) {
    const [section, levelId] = entry.path;
    const at = (message: Message) =>
      errorAt(entry.source, entry.path.slice(0, -1), message, entry.competencyId);
    const place = levels.get(entry.levelId);
    if (place === undefined) {
      if (entry.strictLevels && parts.complete && !levelIds.has(entry.levelId)) {
        errors.push(
          errorAt(
            entry.source,
            [String(section)],
            check("includes.notLevelOfIncluder", {
              level: String(levelId),
              root: parts.root,
              hint: didYouMean(entry.levelId, levelIds),
            }),
            String(levelId),
          ),
        );
      }
      continue;
    }
    const competency = competencies.get(entry.competencyId);
    if (competency === undefined) {
      if (parts.complete && !knownCompetencies.has(entry.competencyId))
        errors.push(
          at(
            check("unknown.competency", {
              id: entry.competencyId,
              hint: didYouMean(entry.competencyId, knownCompetencies),
            }),
          ),
        );
      continue;
    }
    if (competency.from === undefined) {
      errors.push(at(check("includes.ownCompetency", { competency: entry.competencyId })));
      continue;
    }
    const range = appliesRange(competency.value, place.track);
    if (range === null) {
      errors.push(
        at(
          check("includes.trackDoesNotUse", {
            track: place.track.id,
            level: entry.levelId,
            competency: entry.competencyId,
            tracks: competency.value.tracks?.join(", ") ?? "",
          }),
        ),
      );
    } else if (place.rank < range.from || place.rank > range.upTo) {
      errors.push(
        at(
          check("includes.doesNotApply", { competency: entry.competencyId, level: entry.levelId }),
        ),
      );
    }
  }
  return errors;
}
