import type { CompetencyData, TrackData } from "./schema";

/** A competency with no `tracks` key is shared by every track. */
export function usesCompetency(
  competency: Pick<CompetencyData, "tracks">,
  trackId: string,
): boolean {
  return competency.tracks === undefined || competency.tracks.includes(trackId);
}

/**
 * Where a competency applies within one track: from its `applies.from` level of that track
 * (else the first) up to its `applies.upTo` level (else the top). Ranks are positions in the
 * track, 0 = most junior; null when the track does not use the competency at all.
 */
export function appliesRange(
  competency: Pick<CompetencyData, "tracks" | "applies">,
  track: Pick<TrackData, "id" | "levels">,
): { from: number; upTo: number } | null {
  if (!usesCompetency(competency, track.id)) return null;
  const rankOf = (ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) {
      const rank = track.levels.findIndex((level) => level.id === id);
      if (rank >= 0) return rank;
    }
    return null;
  };
  return {
    from: rankOf(competency.applies?.from) ?? 0,
    upTo: rankOf(competency.applies?.upTo) ?? track.levels.length - 1,
  };
}

/** Does the competency apply at the level of this rank in this track? */
export function appliesAt(
  competency: Pick<CompetencyData, "tracks" | "applies">,
  track: Pick<TrackData, "id" | "levels">,
  rank: number,
): boolean {
  const range = appliesRange(competency, track);
  return range !== null && rank >= range.from && rank <= range.upTo;
}
