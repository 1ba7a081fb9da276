import type { Ladder, Track } from "./types";
import { largest } from "~/utils/extremes";

export interface PathLevel {
  id: string;
  title: string;
  alsoTitled: string[];
  /** 0-based column: levels in the same column sit at comparable seniority. */
  column: number;
}

export interface PathLane {
  trackId: string;
  trackName: string;
  /** The level (of an earlier lane) this lane splits off after, or null for a lane from the bottom. */
  branch: { levelId: string; title: string; trackId: string; trackName: string } | null;
  levels: PathLevel[];
}

export interface LadderPathsPicture {
  columns: number;
  lanes: PathLane[];
}

/**
 * The ladder's tracks laid out as paths: one lane per track, parents before their branches, and
 * columns of comparable seniority. A lane starts beside the level its equivalence row puts it
 * by; failing that, a branch starts just after the level it splits off, and a track from the
 * bottom starts in the first column.
 */
export function ladderPaths(ladder: Ladder): LadderPathsPicture {
  const columnOf = new Map<string, number>();
  const bandMates = new Map<string, string[]>();
  for (const band of ladder.equivalence) {
    const ids = Object.values(band.levelIdByTrack);
    for (const id of ids)
      bandMates.set(
        id,
        ids.filter((other) => other !== id),
      );
  }
  const trackNames = new Map(ladder.tracks.map((track) => [track.id, track.name]));
  const titles = new Map(
    ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level.title] as const)),
  );

  const lanes: PathLane[] = [];
  for (const track of parentsFirst(ladder.tracks)) {
    const start = Math.max(
      0,
      alignedStart(track, columnOf, bandMates) ??
        (track.branchesFrom ? (columnOf.get(track.branchesFrom.levelId) ?? -1) + 1 : 0),
    );
    const levels = track.levels.map((level, rank) => ({
      id: level.id,
      title: level.title,
      alsoTitled: level.alsoTitled,
      column: start + rank,
    }));
    for (const level of levels) columnOf.set(level.id, level.column);
    const branch = track.branchesFrom;
    lanes.push({
      trackId: track.id,
      trackName: track.name,
      branch: branch
        ? {
            levelId: branch.levelId,
            title: titles.get(branch.levelId) ?? branch.levelId,
            trackId: branch.trackId,
            trackName: trackNames.get(branch.trackId) ?? branch.trackId,
          }
        : null,
      levels,
    });
  }
  return {
    columns: largest(
      lanes.flatMap((lane) => lane.levels.map((level) => level.column + 1)),
      1,
    ),
    lanes,
  };
}

/** Where a track's first level goes if one of its levels shares an equivalence row with a level already placed. */
function alignedStart(
  track: Track,
  columnOf: ReadonlyMap<string, number>,
  bandMates: ReadonlyMap<string, string[]>,
): number | null {
  for (const [rank, level] of track.levels.entries()) {
    for (const mate of bandMates.get(level.id) ?? []) {
      const column = columnOf.get(mate);
      if (column !== undefined) return column - rank;
    }
  }
  return null;
}

/** Ladder order, except that a branch comes after the track it splits off. */
function parentsFirst(tracks: readonly Track[]): Track[] {
  const ordered: Track[] = [];
  const placed = new Set<string>();
  const place = (track: Track, visiting: Set<string>) => {
    if (placed.has(track.id) || visiting.has(track.id)) return;
    visiting.add(track.id);
    const parent = track.branchesFrom
      ? tracks.find((other) => other.id === track.branchesFrom!.trackId)
      : undefined;
    if (parent) place(parent, visiting);
    placed.add(track.id);
    ordered.push(track);
  };
  for (const track of tracks) place(track, new Set());
  return ordered;
}

/** The first levels of the tracks that split off after this level, for "other paths from here". */
export function branchesAfter(
  ladder: Ladder,
  levelId: string,
): { trackId: string; trackName: string; levelId: string; title: string }[] {
  return ladder.tracks.flatMap((track) => {
    const first = track.levels[0];
    return track.branchesFrom?.levelId === levelId && first
      ? [{ trackId: track.id, trackName: track.name, levelId: first.id, title: first.title }]
      : [];
  });
}
