import { stringify } from "yaml";
import type { DraftCompetency, DraftTrack } from "./assemble";
import type { LadderOutputFile } from "./types";

/** The parts of a ladder an importer writes, in the shapes docs/ladders.md describes. */
export interface DraftLadder {
  ladder: { id: string; name: string; version: string; description: string };
  scale: { value: number; label: string; meaning: string; target?: boolean }[];
  areas: { id: string; name: string; description: string }[];
  competencies: DraftCompetency[];
  tracks: DraftTrack[];
  equivalence?: Record<string, string>[];
  /** Shared topics the ladder inherits (docs/ladders.md, "include"), as written in ladder.yaml. */
  include?: string[];
}

/**
 * The ladder folder's files: ladder.yaml (identity, scale, areas, equivalence),
 * competencies.yaml, and one file per track under tracks/, numbered so they load in order.
 */
export function ladderFiles(draft: DraftLadder, origin: string): LadderOutputFile[] {
  const header = `# Imported from ${origin} by npm run ladders:import. Edit freely; npm run ladders:check validates.\n`;
  const write = (path: string, content: Record<string, unknown>): LadderOutputFile => ({ path, content: header + stringify(content, { lineWidth: 0, aliasDuplicateObjects: false }) });
  const width = String(draft.tracks.length).length;
  return [
    write("ladder.yaml", {
      ladder: draft.ladder,
      ...(draft.include && draft.include.length > 0 ? { include: draft.include } : {}),
      scale: draft.scale,
      areas: draft.areas,
      ...(draft.equivalence && draft.equivalence.length > 0 ? { equivalence: draft.equivalence } : {}),
    }),
    write("competencies.yaml", { competencies: draft.competencies }),
    ...draft.tracks.map((track, index) => write(`tracks/${String(index + 1).padStart(width, "0")}-${track.id}.yaml`, { tracks: [track] })),
  ];
}
