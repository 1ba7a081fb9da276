import { servedLadders } from "~/modules/ladders/registry.server";
import { makeTrackLevelCheck, type TrackLevelCheck, type TrackOption } from "./track-level";

/**
 * The tracks and levels people can be placed on: those of the ladders being served.
 * Track ids are the ladder's own, so a person's track and level always name a real
 * place on a ladder.
 */
export async function getTrackOptions(): Promise<TrackOption[]> {
  const seen = new Set<string>();
  const options: TrackOption[] = [];
  for (const { ladder } of await servedLadders()) {
    for (const track of ladder.tracks) {
      if (seen.has(track.id)) continue;
      seen.add(track.id);
      options.push({ id: track.id, name: track.name, levels: track.levels.map((level) => ({ id: level.id, title: level.title })) });
    }
  }
  return options;
}

export async function getTrackLevelCheck(): Promise<TrackLevelCheck> {
  return makeTrackLevelCheck(await getTrackOptions());
}
