import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import { makeTrackLevelCheck, type TrackLevelCheck, type TrackOption } from "./track-level";

/**
 * The tracks and levels people can be placed on: those of the ladders being served, each
 * with its ladder. Ids are the ladder's own, so a person's ladder, track and level always
 * name a real place.
 */
export async function getTrackOptions(
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<TrackOption[]> {
  return (await servedLaddersIn(language)).flatMap(({ ladder }) =>
    ladder.tracks.map((track) => ({
      ladderId: ladder.meta.id,
      ladderName: ladder.meta.name,
      id: track.id,
      name: track.name,
      levels: track.levels.map((level) => ({
        id: level.id,
        title: level.title,
        sublevels: level.sublevels.map((sublevel) => ({ id: sublevel.id, title: sublevel.title })),
      })),
    })),
  );
}

export async function getTrackLevelCheck(): Promise<TrackLevelCheck> {
  return makeTrackLevelCheck(await getTrackOptions());
}
