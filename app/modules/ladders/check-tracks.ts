import type { Message } from "~/i18n/messages";
import { check, didYouMean, findingOf, said } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { appliesRange, usesCompetency } from "./applies";
import { competenciesWithUnknownBounds } from "./check-applies";
import { inheritedByLevel, inheritedKey } from "./check-includes";
import { closestMatch } from "./suggest";
import { normaliseText } from "./text-similarity";
import type { Expectation } from "./types";

/**
 * Every level says what is expected for exactly the competencies that apply at it: those its
 * track uses, less any that start at a later level or stop at an earlier one (`applies`).
 */
export function checkExpectations(parts: LadderParts): LadderError[] {
  const known = knownIds(parts, "competency");
  const valid = new Map(
    parts.competencies.map((competency) => [competency.value.id, competency.value]),
  );
  const errors: LadderError[] = [];
  const inherited = inheritedByLevel(parts);
  const unknownBounds = competenciesWithUnknownBounds(parts);
  /** Unknown competencies levels name, each with every place that names it: one message per id (reportUnknown). */
  const unknown = new Map<string, { error: LadderError; levelId: string }[]>();
  /** Levels missing expectations, per competency: one message each (reportMissing). */
  const missing = new Map<string, { error: LadderError; levelId: string; trackId: string }[]>();
  for (const track of parts.tracks) {
    const trackId = track.value.id;
    const used = parts.competencies.filter((competency) =>
      usesCompetency(competency.value, trackId),
    );
    const ranges = new Map(
      used.map((competency) => [competency.value.id, appliesRange(competency.value, track.value)!]),
    );
    track.value.levels.forEach((level, levelIndex) => {
      const path = ["levels", levelIndex, "expectations"];
      // A misspelt id is one mistake: report it as unknown, not also as a missing competency.
      const typoFor = new Set<string | undefined>();
      for (const competencyId of Object.keys(level.expectations)) {
        const competency = valid.get(competencyId);
        const range = ranges.get(competencyId);
        if (competency === undefined) {
          if (parts.complete && !known.has(competencyId)) {
            typoFor.add(closestMatch(competencyId, known));
            const places = unknown.get(competencyId) ?? [];
            places.push({
              error: errorIn(
                track,
                path,
                check("unknown.competency", {
                  id: competencyId,
                  hint: didYouMean(competencyId, known),
                }),
                competencyId,
              ),
              levelId: level.id,
            });
            unknown.set(competencyId, places);
          }
        } else if (range === undefined) {
          if (unknownBounds.has(competencyId)) continue;
          errors.push(
            errorIn(
              track,
              path,
              check("expectations.trackDoesNotUse", {
                track: trackId,
                competency: competencyId,
                tracks: competency.tracks?.join(", ") ?? "",
              }),
              competencyId,
            ),
          );
        } else if (
          (levelIndex < range.from || levelIndex > range.upTo) &&
          !unknownBounds.has(competencyId)
        ) {
          const [key, bound] =
            levelIndex < range.from
              ? ["expectations.beforeFrom", track.value.levels[range.from]!.id]
              : ["expectations.afterUpTo", track.value.levels[range.upTo]!.id];
          errors.push(
            errorIn(
              track,
              path,
              check(key, { competency: competencyId, bound, track: trackId, level: level.id }),
              competencyId,
            ),
          );
        }
      }
      for (const [competencyId, list] of Object.entries(level.expectations)) {
        const ids = new Map<string, number>();
        list.forEach((expectation, index) => {
          if (expectation.id !== undefined) {
            const first = ids.get(expectation.id);
            if (first !== undefined)
              errors.push(
                errorIn(
                  track,
                  [...path, competencyId, index, "id"],
                  check("expectations.statementIdTwice", {
                    id: expectation.id,
                    competency: competencyId,
                    index: first,
                  }),
                ),
              );
            else ids.set(expectation.id, index);
          }
        });
      }
      for (const competency of used) {
        const range = ranges.get(competency.value.id)!;
        if (
          levelIndex < range.from ||
          levelIndex > range.upTo ||
          unknownBounds.has(competency.value.id)
        )
          continue;
        const given =
          Object.hasOwn(level.expectations, competency.value.id) ||
          inherited.has(inheritedKey(level.id, competency.value.id));
        if (!given && !typoFor.has(competency.value.id)) {
          const places = missing.get(competency.value.id) ?? [];
          places.push({
            error: errorIn(
              track,
              path,
              check("expectations.missing", { competency: competency.value.id, track: trackId }),
            ),
            levelId: level.id,
            trackId,
          });
          missing.set(competency.value.id, places);
        }
      }
    });
  }
  return [...errors, ...reportUnknown(parts, unknown), ...reportMissing(parts, missing)];
}

/**
 * One message per competency that levels leave out, at the first such level, naming the rest:
 * the usual cause is one (a competency new to the ladder, a `tracks` key lost or misplaced), not
 * one per level.
 */
function reportMissing(
  parts: LadderParts,
  missing: ReadonlyMap<string, readonly { error: LadderError; levelId: string; trackId: string }[]>,
): LadderError[] {
  return [...missing].map(([competencyId, places]) => {
    const [first, ...others] = places as [(typeof places)[number], ...typeof places];
    if (others.length === 0) return first.error;
    const levels = others
      .slice(0, 5)
      .map((other) => other.levelId)
      .join(", ");
    const tracks = [...new Set(places.map((place) => place.trackId))];
    const everyTrack =
      parts.competencies.find((competency) => competency.value.id === competencyId)?.value
        .tracks === undefined;
    const finding = findingOf(first.error);
    const also =
      others.length > 5
        ? check("expectations.alsoMissingMore", { finding, levels, more: others.length - 5 })
        : check("expectations.alsoMissing", { finding, levels });
    return {
      ...first.error,
      ...said(
        everyTrack && tracks.length > 1
          ? check("expectations.everyTrack", { finding: also, tracks: tracks.join(", ") })
          : also,
      ),
    };
  });
}

/**
 * One message per unknown competency, however many levels name it. Where a defined competency
 * that no level names is close to it, the definition is the mistake (its id was changed, and
 * every level still says the old one), so the message is there and suggests the id the levels
 * use; otherwise it is at the first level that names it, with the others listed.
 */
function reportUnknown(
  parts: LadderParts,
  unknown: ReadonlyMap<string, readonly { error: LadderError; levelId: string }[]>,
): LadderError[] {
  const named = new Set(
    parts.tracks.flatMap((track) =>
      track.value.levels.flatMap((level) => Object.keys(level.expectations)),
    ),
  );
  for (const entry of parts.inheritedExpectations) named.add(entry.competencyId);
  const unnamed = parts.competencies.filter(
    (competency) => competency.from === undefined && !named.has(competency.value.id),
  );
  return [...unknown].map(([competencyId, places]) => {
    const [first, ...others] = places as [(typeof places)[number], ...typeof places];
    const where = (error: LadderError) => `${error.file}:${error.line}:${error.column}`;
    const renamed = closestMatch(
      competencyId,
      unnamed.map((competency) => competency.value.id),
    );
    if (renamed !== undefined) {
      const definition = unnamed.find((competency) => competency.value.id === renamed)!;
      const levels = places
        .slice(0, 5)
        .map((place) => place.levelId)
        .join(", ");
      const named = { renamed, id: competencyId, levels, first: where(first.error) };
      return errorIn(
        definition,
        ["id"],
        places.length > 5
          ? check("expectations.renamedMore", { ...named, more: places.length - 5 })
          : check("expectations.renamed", named),
      );
    }
    if (others.length === 0) return first.error;
    const namedAt = others
      .slice(0, 3)
      .map((other) =>
        check("expectations.namedAt", { level: other.levelId, place: where(other.error) }),
      )
      .reduce<Message | string>(
        (list, place) => (list === "" ? place : check("expectations.placeList", { list, place })),
        "",
      );
    const finding = findingOf(first.error);
    return {
      ...first.error,
      ...said(
        others.length > 3
          ? check("expectations.alsoNamedMore", {
              finding,
              places: namedAt,
              more: others.length - 3,
            })
          : check("expectations.alsoNamed", { finding, places: namedAt }),
      ),
    };
  });
}

/**
 * A warning, not an error: the same words twice in one list still load and rate (marks are kept
 * by position), and ladders converted from real sources have them, each under its own statement
 * id. The author decides whether they are one statement or two.
 */
export function warnRepeatedStatements(parts: LadderParts): LadderError[] {
  const warnings: LadderError[] = [];
  for (const track of parts.tracks) {
    track.value.levels.forEach((level, levelIndex) => {
      for (const [competencyId, list] of Object.entries(level.expectations)) {
        const seen = new Map<string, number>();
        list.forEach((expectation, index) => {
          const key = normaliseText(expectation.text);
          const earlier = seen.get(key);
          if (earlier === undefined) {
            seen.set(key, index);
            return;
          }
          const first = list[earlier]!;
          warnings.push(
            errorIn(
              track,
              ["levels", levelIndex, "expectations", competencyId, index],
              repeatedMessage(competencyId, earlier, first, expectation),
            ),
          );
        });
      }
    });
  }
  return warnings;
}

function repeatedMessage(
  competencyId: string,
  earlier: number,
  first: Pick<Expectation, "id">,
  repeat: Pick<Expectation, "id">,
): Message {
  if (first.id !== undefined && repeat.id !== undefined && first.id !== repeat.id) {
    return check("expectations.repeatedIds", {
      competency: competencyId,
      index: earlier,
      first: first.id,
      second: repeat.id,
    });
  }
  return check("expectations.repeated", { competency: competencyId, index: earlier });
}
