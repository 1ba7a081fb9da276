/**
 * Which ladder, track and level a person may have. Pure: the tracks are handed in (from the
 * served ladders, see track-levels.server.ts), so forms, the CSV import and tests share one
 * rule. Several ladders (job families) may be served, and ids are their own: two ladders may
 * both have a track "engineer". A person belongs to one ladder; naming it is needed only
 * where their track and level would fit more than one.
 */
export type TrackOption = { ladderId: string; ladderName: string; id: string; name: string; levels: { id: string; title: string }[] };

export type TrackLevelProblem = { field: "ladder" | "track" | "level"; message: string };

/** The person's ladder when the place is acceptable (null when they have no track), else which field is wrong and why. */
export type TrackLevelResult = ({ ok: true; ladderId: string | null } | ({ ok: false } & TrackLevelProblem));

export type TrackLevelCheck = (track: string | null, level: string | null, ladder?: string | null) => TrackLevelResult;

function list(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(", ")} and ${values.at(-1)}` : (values[0] ?? "");
}

export function makeTrackLevelCheck(tracks: readonly TrackOption[]): TrackLevelCheck {
  const ladders = new Map<string, string>();
  for (const track of tracks) ladders.set(track.ladderId, track.ladderName);
  const ladderIds = [...ladders.keys()];
  /** A ladder named by its id or its name, in any case. */
  const findLadder = (named: string) => ladderIds.find((id) => id === named.toLowerCase() || ladders.get(id)!.toLowerCase() === named.toLowerCase());
  const fail = (field: TrackLevelProblem["field"], message: string): TrackLevelResult => ({ ok: false, field, message });

  return (track, level, ladder = null) => {
    let ladderId: string | null = null;
    if (ladder) {
      ladderId = findLadder(ladder) ?? null;
      if (!ladderId) return fail("ladder", `unknown ladder "${ladder}" (expected one of ${list(ladderIds)})`);
    }
    if (!track) {
      if (level) return fail("track", `a level needs a track (one of ${list([...new Set(tracks.filter((t) => !ladderId || t.ladderId === ladderId).map((t) => t.id))])})`);
      return { ok: true, ladderId };
    }
    const inLadder = tracks.filter((option) => !ladderId || option.ladderId === ladderId);
    let candidates = inLadder.filter((option) => option.id === track);
    if (candidates.length === 0) {
      const known = [...new Set(inLadder.map((option) => option.id))];
      return fail("track", `unknown track "${track}"${ladderId ? ` in the ${ladders.get(ladderId)} ladder` : ""} (expected one of ${list(known)})`);
    }
    if (level) {
      const withLevel = candidates.filter((option) => option.levels.some((candidate) => candidate.id === level));
      if (withLevel.length === 0) {
        const levelIds = candidates.flatMap((option) => option.levels.map((candidate) => candidate.id));
        return fail("level", `level "${level}" is not on the ${track} track (expected one of ${list([...new Set(levelIds)])})`);
      }
      candidates = withLevel;
    }
    if (candidates.length > 1) {
      return fail("ladder", `track "${track}"${level ? ` and level "${level}"` : ""} are in several ladders (${list(candidates.map((option) => option.ladderId))}); name the ladder`);
    }
    return { ok: true, ladderId: candidates[0]!.ladderId };
  };
}
