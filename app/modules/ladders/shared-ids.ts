import type { Ladder } from "./types";

/**
 * Ids that several ladders served together share. Each ladder's ids are its own (two job
 * families may both have a track "engineer"; two ladders with one ladder id are refused when
 * loading), but a track or level id in more than one ladder makes people placed there
 * ambiguous unless their ladder is named (the person form's Ladder, the CSV import's `ladder`
 * column), which is worth a note.
 */
export function sharedIds(ladders: readonly Ladder[]): string[] {
  const notes: string[] = [];
  for (const kind of ["track", "level"] as const) {
    const owners = new Map<string, string[]>();
    for (const ladder of ladders) {
      const ids =
        kind === "track"
          ? ladder.tracks.map((track) => track.id)
          : ladder.tracks.flatMap((track) => track.levels.map((level) => level.id));
      for (const id of new Set(ids)) owners.set(id, [...(owners.get(id) ?? []), ladder.meta.id]);
    }
    for (const [id, ladderIds] of owners) {
      if (ladderIds.length > 1)
        notes.push(
          `${kind} id "${id}" is in ladders ${ladderIds.join(" and ")}: people placed there need their ladder named (the person form's Ladder, the CSV's ladder column)`,
        );
    }
  }
  return notes;
}
