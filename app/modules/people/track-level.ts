import { listOf, type Message } from "~/i18n/messages";

/**
 * Which ladder, track and level a person may have. Pure: the tracks are handed in (from the
 * served ladders, see track-levels.server.ts), so forms, the CSV import and tests share one
 * rule. Several ladders (job families) may be served, and ids are their own: two ladders may
 * both have a track "engineer". A person belongs to one ladder; naming it is needed only
 * where their track and level would fit more than one.
 */
export type TrackOption = {
  ladderId: string;
  ladderName: string;
  id: string;
  name: string;
  levels: { id: string; title: string; sublevels?: { id: string; title: string }[] }[];
};

/** Which field is wrong and why, in sentences the page, the import, the API or SCIM words. */
export type TrackLevelProblem = { field: "ladder" | "track" | "level"; message: Message };
/** What is wrong with the person form's own choice of track and level, worded by the page. */
export type PlaceChoiceProblem = { field: TrackLevelProblem["field"]; message: Message };
export type SublevelProblem = { field: "sublevel"; message: Message };

/** The person's ladder when the place is acceptable (null when they have no track), else which field is wrong and why. */
export type TrackLevelResult =
  { ok: true; ladderId: string | null } | ({ ok: false } & TrackLevelProblem);

export type SublevelResult =
  { ok: true; sublevel: string | null } | ({ ok: false } & SublevelProblem);

/** Checks a place; `sublevel` then checks a sub-level of the place it accepted (readSublevelChoice). */
export type TrackLevelCheck = ((
  track: string | null,
  level: string | null,
  ladder?: string | null,
) => TrackLevelResult) & {
  sublevel: (
    value: string | null,
    place: { ladderId: string | null; track: string | null; level: string | null },
  ) => SublevelResult;
};

/** One of the place's problems (`people:place.*`). */
const problem = (key: string, values?: Message["values"]): Message => ({
  key: `people:place.${key}`,
  ...(values ? { values } : {}),
});

export function makeTrackLevelCheck(tracks: readonly TrackOption[]): TrackLevelCheck {
  const ladders = new Map<string, string>();
  for (const track of tracks) ladders.set(track.ladderId, track.ladderName);
  const ladderIds = [...ladders.keys()];
  /** A ladder named by its id or its name, in any case. */
  const findLadder = (named: string) =>
    ladderIds.find(
      (id) => id === named.toLowerCase() || ladders.get(id)!.toLowerCase() === named.toLowerCase(),
    );
  const fail = (field: TrackLevelProblem["field"], message: Message): TrackLevelResult => ({
    ok: false,
    field,
    message,
  });

  const check = (
    track: string | null,
    level: string | null,
    ladder: string | null = null,
  ): TrackLevelResult => {
    let ladderId: string | null = null;
    if (ladder) {
      ladderId = findLadder(ladder) ?? null;
      if (!ladderId)
        return fail("ladder", problem("unknownLadder", { ladder, ladders: listOf(ladderIds) }));
    }
    if (!track) {
      if (level)
        return fail(
          "track",
          problem("levelNeedsTrack", {
            tracks: listOf([
              ...new Set(
                tracks.filter((t) => !ladderId || t.ladderId === ladderId).map((t) => t.id),
              ),
            ]),
          }),
        );
      return { ok: true, ladderId };
    }
    const inLadder = tracks.filter((option) => !ladderId || option.ladderId === ladderId);
    let candidates = inLadder.filter((option) => option.id === track);
    if (candidates.length === 0) {
      const known = [...new Set(inLadder.map((option) => option.id))];
      return fail(
        "track",
        ladderId
          ? problem("unknownTrackInLadder", {
              track,
              ladder: ladders.get(ladderId)!,
              tracks: listOf(known),
            })
          : problem("unknownTrack", { track, tracks: listOf(known) }),
      );
    }
    if (level) {
      const withLevel = candidates.filter((option) =>
        option.levels.some((candidate) => candidate.id === level),
      );
      if (withLevel.length === 0) {
        const levelIds = candidates.flatMap((option) =>
          option.levels.map((candidate) => candidate.id),
        );
        return fail(
          "level",
          problem("levelNotOnTrack", { level, track, levels: listOf([...new Set(levelIds)]) }),
        );
      }
      candidates = withLevel;
    }
    if (candidates.length > 1) {
      const named = listOf(candidates.map((option) => option.ladderId));
      return fail(
        "ladder",
        level
          ? problem("placeInSeveralLadders", { track, level, ladders: named })
          : problem("trackInSeveralLadders", { track, ladders: named }),
      );
    }
    return { ok: true, ladderId: candidates[0]!.ladderId };
  };
  return Object.assign(check, {
    sublevel: (
      value: string | null,
      place: { ladderId: string | null; track: string | null; level: string | null },
    ) => readSublevelChoice(tracks, value, place),
  });
}

/**
 * The person form's choices name their ladder, so a track id or level id that several ladders
 * (or tracks) share is never ambiguous: a track is chosen as "ladder/track", a level as
 * "ladder/track/level". Plain ids (from older forms and scripts) pass through for
 * makeTrackLevelCheck to place.
 */
export const trackChoice = (ladderId: string, trackId: string) => `${ladderId}/${trackId}`;
export const levelChoice = (ladderId: string, trackId: string, levelId: string) =>
  `${ladderId}/${trackId}/${levelId}`;

export type PlaceChoice = { ladder: string | null; track: string | null; level: string | null };

/** Reads the form's track and level (and the optional ladder field); refuses a level of another ladder or track than the one chosen. */
export function readPlaceChoice(
  trackValue: string | null,
  levelValue: string | null,
  ladderValue: string | null = null,
): ({ ok: true } & PlaceChoice) | ({ ok: false } & PlaceChoiceProblem) {
  const trackParts = trackValue ? trackValue.split("/") : [];
  const levelParts = levelValue ? levelValue.split("/") : [];
  if (trackParts.length > 2 || trackParts.some((part) => !part))
    return { ok: false, field: "track", message: { key: "people:form.errors.trackFromList" } };
  if (levelParts.length === 2 || levelParts.length > 3 || levelParts.some((part) => !part))
    return { ok: false, field: "level", message: { key: "people:form.errors.levelFromList" } };
  const [trackLadder, track] = trackParts.length === 2 ? trackParts : [null, trackParts[0] ?? null];
  const [levelLadder, levelTrack, level] =
    levelParts.length === 3 ? levelParts : [null, null, levelParts[0] ?? null];
  const ladder = trackLadder ?? levelLadder ?? (ladderValue || null);
  if (ladderValue && trackLadder && ladderValue.toLowerCase() !== trackLadder)
    return {
      ok: false,
      field: "ladder",
      message: { key: "people:form.errors.trackInAnotherLadder" },
    };
  if (levelLadder && !track)
    return { ok: false, field: "track", message: { key: "people:form.errors.levelNeedsTrack" } };
  if (levelLadder && (levelLadder !== ladder || levelTrack !== track)) {
    return { ok: false, field: "level", message: { key: "people:form.errors.levelNotOnTrack" } };
  }
  return { ok: true, ladder, track: track ?? null, level: level ?? null };
}

/** The sub-level form value of one of a level's sub-levels: "ladder/track/level/sublevel". */
export const sublevelChoice = (
  ladderId: string,
  trackId: string,
  levelId: string,
  sublevelId: string,
) => `${levelChoice(ladderId, trackId, levelId)}/${sublevelId}`;

/**
 * Reads a sub-level for a person placed at `place` (their ladder, track and level, already
 * checked): the form's "ladder/track/level/sublevel" or a plain sub-level id (the CSV import,
 * scripts). It must be one of that level's sub-levels; empty means none.
 */
export function readSublevelChoice(
  tracks: readonly TrackOption[],
  value: string | null,
  place: { ladderId: string | null; track: string | null; level: string | null },
): SublevelResult {
  if (!value) return { ok: true, sublevel: null };
  const fail = (message: Message) => ({ ok: false as const, field: "sublevel" as const, message });
  const parts = value.split("/");
  if ((parts.length !== 1 && parts.length !== 4) || parts.some((part) => !part))
    return fail(problem("sublevelFromList"));
  if (!place.level) return fail(problem("sublevelNeedsLevel"));
  if (parts.length === 4) {
    const [ladderId, trackId, levelId] = parts;
    if (
      (place.ladderId && ladderId !== place.ladderId) ||
      trackId !== place.track ||
      levelId !== place.level
    ) {
      return fail(problem("sublevelNotOfLevel"));
    }
  }
  const sublevel = parts.at(-1)!;
  const level = tracks
    .filter(
      (track) => track.id === place.track && (!place.ladderId || track.ladderId === place.ladderId),
    )
    .flatMap((track) => track.levels)
    .find((candidate) => candidate.id === place.level);
  const sublevels = level?.sublevels ?? [];
  if (sublevels.some((candidate) => candidate.id === sublevel)) return { ok: true, sublevel };
  if (sublevels.length === 0) return fail(problem("noSublevels", { level: place.level }));
  return fail(
    problem("unknownSublevel", {
      sublevel,
      level: place.level,
      sublevels: listOf(sublevels.map((candidate) => candidate.id)),
    }),
  );
}

/** The form's values for a person's place (their ladder worked out from the tracks where it is not stored). */
export function placeChoiceOf(
  tracks: readonly TrackOption[],
  person: {
    ladderId: string | null;
    track: string | null;
    level: string | null;
    sublevel?: string | null;
  },
): { track: string; level: string; sublevel: string } {
  if (!person.track) return { track: "", level: "", sublevel: "" };
  const option =
    tracks.find(
      (candidate) =>
        candidate.id === person.track &&
        (!person.ladderId || candidate.ladderId === person.ladderId) &&
        (!person.level || candidate.levels.some((level) => level.id === person.level)),
    ) ??
    tracks.find(
      (candidate) =>
        candidate.id === person.track &&
        (!person.ladderId || candidate.ladderId === person.ladderId),
    );
  if (!option)
    return { track: person.track, level: person.level ?? "", sublevel: person.sublevel ?? "" };
  return {
    track: trackChoice(option.ladderId, option.id),
    level: person.level ? levelChoice(option.ladderId, option.id, person.level) : "",
    sublevel:
      person.level && person.sublevel
        ? sublevelChoice(option.ladderId, option.id, person.level, person.sublevel)
        : "",
  };
}
