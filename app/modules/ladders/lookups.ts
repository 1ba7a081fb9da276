import type { Area, Competency, Expectation, Ladder, Level, Sublevel, Track } from "./types";
import type { Message } from "~/i18n/messages";

interface LadderIndex {
  areas: Map<string, Area>;
  competencies: Map<string, Competency>;
  tracks: Map<string, Track>;
  levels: Map<string, Level>;
}

/** Built once per ladder object; the ladder stays plain data so it can be serialised. */
const indexes = new WeakMap<Ladder, LadderIndex>();

function indexOf(ladder: Ladder): LadderIndex {
  let index = indexes.get(ladder);
  if (index === undefined) {
    index = {
      areas: new Map(ladder.areas.map((area) => [area.id, area])),
      competencies: new Map(ladder.competencies.map((competency) => [competency.id, competency])),
      tracks: new Map(ladder.tracks.map((track) => [track.id, track])),
      levels: new Map(
        ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level])),
      ),
    };
    indexes.set(ladder, index);
  }
  return index;
}

export function getArea(ladder: Ladder, areaId: string): Area | undefined {
  return indexOf(ladder).areas.get(areaId);
}

export function getCompetency(ladder: Ladder, competencyId: string): Competency | undefined {
  return indexOf(ladder).competencies.get(competencyId);
}

export function getTrack(ladder: Ladder, trackId: string): Track | undefined {
  return indexOf(ladder).tracks.get(trackId);
}

export function getLevel(ladder: Ladder, levelId: string): Level | undefined {
  return indexOf(ladder).levels.get(levelId);
}

export function trackOfLevel(ladder: Ladder, levelId: string): Track | undefined {
  const level = getLevel(ladder, levelId);
  return level === undefined ? undefined : getTrack(ladder, level.trackId);
}

/** The competencies a track uses, in ladder order. */
export function competenciesForTrack(ladder: Ladder, trackId: string): Competency[] {
  const track = getTrack(ladder, trackId);
  if (track === undefined) return [];
  return track.competencyIds.flatMap((competencyId) => getCompetency(ladder, competencyId) ?? []);
}

/** The competencies that apply at a level (its track's, less any that start later or stop earlier), in ladder order. */
export function competenciesForLevel(ladder: Ladder, levelId: string): Competency[] {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return [];
  return level.competencyIds.flatMap((competencyId) => getCompetency(ladder, competencyId) ?? []);
}

/** Does the competency apply at the level? */
export function appliesAtLevel(ladder: Ladder, levelId: string, competencyId: string): boolean {
  return getLevel(ladder, levelId)?.competencyIds.includes(competencyId) ?? false;
}

/** The rating a level expects of a competency (targets.ts); the level's default when the competency does not apply there. */
export function targetFor(ladder: Ladder, levelId: string, competencyId: string): number | null {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return null;
  return level.targets[competencyId] ?? level.target;
}

/** The next level up in the same track; undefined at the top. */
export function nextLevel(ladder: Ladder, levelId: string): Level | undefined {
  const level = getLevel(ladder, levelId);
  return level === undefined ? undefined : trackOfLevel(ladder, levelId)?.levels[level.rank + 1];
}

/** The level below in the same track; for the first level of a branch, the level it splits off after. */
export function previousLevel(ladder: Ladder, levelId: string): Level | undefined {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return undefined;
  const track = trackOfLevel(ladder, levelId);
  if (level.rank > 0) return track?.levels[level.rank - 1];
  return track?.branchesFrom ? getLevel(ladder, track.branchesFrom.levelId) : undefined;
}

/** The levels of other tracks in the same equivalence band, in track order. */
export function equivalentLevels(ladder: Ladder, levelId: string): Level[] {
  const level = getLevel(ladder, levelId);
  if (level === undefined || level.band === null) return [];
  const band = ladder.equivalence[level.band];
  if (band === undefined) return [];
  return Object.values(band.levelIdByTrack)
    .filter((otherId) => otherId !== levelId)
    .flatMap((otherId) => getLevel(ladder, otherId) ?? []);
}

export function expectationsFor(
  ladder: Ladder,
  levelId: string,
  competencyId: string,
): Expectation[] {
  return getLevel(ladder, levelId)?.expectations[competencyId] ?? [];
}

/**
 * A person's track and level in words ("Individual contributor · Engineer II"), from their
 * ladder (`ladderId`), else from the first ladder that knows them; ids only where no ladder
 * does. Null when they have neither.
 */
export function placeLabel(
  ladders: readonly Ladder[],
  trackId: string | null,
  levelId: string | null,
  ladderId: string | null = null,
  sublevelId: string | null = null,
): string | null {
  if (!trackId && !levelId) return null;
  const own = ladderId ? ladders.filter((ladder) => ladder.meta.id === ladderId) : [];
  for (const ladder of own.length ? own : ladders) {
    const track = trackId ? getTrack(ladder, trackId) : undefined;
    const level = levelId ? getLevel(ladder, levelId) : undefined;
    if (track || level)
      return [track?.name ?? trackId, level ? levelTitleAt(level, sublevelId) : levelId]
        .filter(Boolean)
        .join(" · ");
  }
  return [trackId, levelId].filter(Boolean).join(" · ");
}

/** A person's track in words ("Individual contributor"), found as placeLabel finds it; the id only where no ladder knows it. */
export function trackLabel(
  ladders: readonly Ladder[],
  trackId: string | null,
  ladderId: string | null = null,
): string | null {
  if (!trackId) return null;
  const own = ladderId ? ladders.filter((ladder) => ladder.meta.id === ladderId) : [];
  for (const ladder of own.length ? own : ladders) {
    const track = getTrack(ladder, trackId);
    if (track) return track.name;
  }
  return trackId;
}

/**
 * A person's level in words ("Engineer II", or "Engineer II · B" at a sub-level), found as
 * placeLabel finds it; the id only where no ladder knows it.
 */
export function levelLabel(
  ladders: readonly Ladder[],
  levelId: string | null,
  ladderId: string | null = null,
  sublevelId: string | null = null,
): string | null {
  if (!levelId) return null;
  const own = ladderId ? ladders.filter((ladder) => ladder.meta.id === ladderId) : [];
  for (const ladder of own.length ? own : ladders) {
    const level = getLevel(ladder, levelId);
    if (level) return levelTitleAt(level, sublevelId);
  }
  return levelId;
}

/**
 * A level with its track ("Engineer II (Individual contributor)"), as a message the page words in
 * the reader's language (`common:level.withTrack`, which the ladder pages word with the level as a
 * link); the title alone where no track is known, the id where no level is.
 */
export function levelWithTrack(ladder: Ladder, levelId: string): string | Message {
  const level = getLevel(ladder, levelId);
  if (!level) return levelId;
  const track = getTrack(ladder, level.trackId);
  return track
    ? { key: "common:level.withTrack", values: { level: level.title, track: track.name } }
    : level.title;
}

/** placeLabel, trackLabel and levelLabel bound to these ladders, for code that names places without reading ladders itself (the audit log). */
export function ladderWords(ladders: readonly Ladder[]) {
  return {
    track: (trackId: string | null, ladderId: string | null = null) =>
      trackLabel(ladders, trackId, ladderId),
    level: (
      levelId: string | null,
      ladderId: string | null = null,
      sublevelId: string | null = null,
    ) => levelLabel(ladders, levelId, ladderId, sublevelId),
    place: (
      trackId: string | null,
      levelId: string | null,
      ladderId: string | null = null,
      sublevelId: string | null = null,
    ) => placeLabel(ladders, trackId, levelId, ladderId, sublevelId),
  };
}

/** The sub-level of this level with that id; undefined when the level has no such sub-level. */
export function getSublevel(
  level: Pick<Level, "sublevels"> | undefined,
  sublevelId: string | null | undefined,
): Sublevel | undefined {
  return sublevelId ? level?.sublevels.find((sublevel) => sublevel.id === sublevelId) : undefined;
}

/** A level's title with the sub-level beside it ("Engineer II · B"); the title alone when the sub-level is none of the level's. */
export function levelTitleAt(
  level: Pick<Level, "title" | "sublevels">,
  sublevelId: string | null | undefined,
): string {
  const sublevel = getSublevel(level, sublevelId);
  return sublevel ? `${level.title} · ${sublevel.title}` : level.title;
}
