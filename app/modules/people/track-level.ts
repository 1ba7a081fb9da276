/**
 * Which track and level ids a person may have. Pure: the list of tracks is handed in
 * (from the loaded ladder, see track-levels.server.ts), so forms, the CSV import and
 * tests share one rule.
 */
export type TrackOption = { id: string; name: string; levels: { id: string; title: string }[] };

export type TrackLevelProblem = { field: "track" | "level"; message: string };

/** Null when the pair is acceptable; otherwise which field is wrong and why. */
export type TrackLevelCheck = (track: string | null, level: string | null) => TrackLevelProblem | null;

export function makeTrackLevelCheck(tracks: readonly TrackOption[]): TrackLevelCheck {
  const byId = new Map(tracks.map((track) => [track.id, track]));
  const trackIds = tracks.map((track) => track.id).join(", ");
  return (track, level) => {
    if (!track) {
      return level ? { field: "track", message: `a level needs a track (one of ${trackIds})` } : null;
    }
    const option = byId.get(track);
    if (!option) return { field: "track", message: `unknown track "${track}" (expected one of ${trackIds})` };
    if (level && !option.levels.some((candidate) => candidate.id === level)) {
      const levelIds = option.levels.map((candidate) => candidate.id).join(", ");
      return { field: "level", message: `level "${level}" is not on the ${option.id} track (expected one of ${levelIds})` };
    }
    return null;
  };
}
