import { makeTrackLevelCheck, type TrackLevelCheck, type TrackOption } from "./track-level";

/**
 * The tracks and levels people can be placed on. This adapter is the one place that
 * will read them from the loaded ladder; until then it serves the shipped framework's
 * ids so the people feature does not depend on the ladder loader.
 */
const shippedTracks: TrackOption[] = [
  {
    id: "ic",
    name: "Individual contributor",
    levels: ["ic1", "ic2", "ic3", "ic4", "ic5", "ic6"].map((id) => ({ id, title: id.toUpperCase() })),
  },
  { id: "tech-lead", name: "Tech lead", levels: ["tl1", "tl2", "tl3"].map((id) => ({ id, title: id.toUpperCase() })) },
  { id: "manager", name: "Manager", levels: ["m1", "m2", "m3", "m4"].map((id) => ({ id, title: id.toUpperCase() })) },
];

export async function getTrackOptions(): Promise<TrackOption[]> {
  return shippedTracks;
}

export async function getTrackLevelCheck(): Promise<TrackLevelCheck> {
  return makeTrackLevelCheck(await getTrackOptions());
}
