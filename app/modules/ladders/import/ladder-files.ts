import { stringify } from "yaml";
import { described, type DraftCompetency, type DraftTrack } from "./assemble";
import { FIRST_VERSION, ladderSource } from "./common";
import type {
  DraftStatement,
  ImportedLadder,
  ImportOptions,
  LadderOutputFile,
  ReportLine,
  SourceStatement,
} from "./types";

/**
 * The parts of a ladder an importer writes, in the shapes docs/ladders.md describes. Descriptions
 * are "" where the source gives none: the files leave them out.
 */
export interface DraftLadder {
  ladder: {
    id: string;
    name: string;
    version: string;
    description: string;
    source: { name: string; url?: string; files: string[] };
  };
  scale: { value: number; label: string; meaning: string; target?: boolean }[];
  areas: { id: string; name: string; description: string }[];
  competencies: DraftCompetency[];
  tracks: DraftTrack[];
  equivalence?: Record<string, string>[];
  /** Levels from points (docs/ladders.md, "Points"), as ladder.yaml writes them. */
  points?: {
    perRating: Record<string, number>;
    bands: { label: string; from: number }[];
    titles?: Record<string, { title: string; from: number; upTo?: number }[]>;
  };
  /** Shared topics the ladder inherits (docs/ladders.md, "include"), as written in ladder.yaml. */
  include?: string[];
}

/** A shared source's expectations: level id of the including ladder -> competency id -> expectations. */
export type SharedExpectations = Record<string, Record<string, (string | DraftStatement)[]>>;

/** A shared folder a ladder includes (docs/ladders.md, "Shared topics"). */
export interface DraftShared {
  shared: { name: string; description: string };
  areas: { id: string; name: string; description: string }[];
  competencies: DraftCompetency[];
  expectations: SharedExpectations;
}

function header(origin: string): string {
  return `# Imported from ${origin} by npm run ladders:import. Edit freely; npm run ladders:check validates.\n`;
}

function yamlFile(
  path: string,
  origin: string,
  content: Record<string, unknown>,
): LadderOutputFile {
  return {
    path,
    content: header(origin) + stringify(content, { lineWidth: 0, aliasDuplicateObjects: false }),
  };
}

function describedArea(area: { id: string; name: string; description: string }) {
  return { id: area.id, name: area.name, ...described("description", area.description) };
}

/** The shared folder's one file. */
export function sharedFiles(draft: DraftShared, origin: string): LadderOutputFile[] {
  return [
    yamlFile("topics.yaml", origin, {
      shared: { name: draft.shared.name, ...described("description", draft.shared.description) },
      areas: draft.areas.map(describedArea),
      competencies: draft.competencies,
      expectations: draft.expectations,
    }),
  ];
}

/**
 * The ladder folder's files: ladder.yaml (identity, scale, areas, equivalence),
 * competencies.yaml, and one file per track under tracks/, numbered so they load in order.
 */
export function ladderFiles(draft: DraftLadder, origin: string): LadderOutputFile[] {
  const write = (path: string, content: Record<string, unknown>) => yamlFile(path, origin, content);
  const width = String(draft.tracks.length).length;
  return [
    write("ladder.yaml", {
      ladder: {
        id: draft.ladder.id,
        name: draft.ladder.name,
        version: draft.ladder.version,
        ...described("description", draft.ladder.description),
        source: draft.ladder.source,
      },
      ...(draft.include && draft.include.length > 0 ? { include: draft.include } : {}),
      scale: draft.scale,
      ...(draft.areas.length > 0 ? { areas: draft.areas.map(describedArea) } : {}),
      ...(draft.equivalence && draft.equivalence.length > 0
        ? { equivalence: draft.equivalence }
        : {}),
      ...(draft.points === undefined ? {} : { points: draft.points }),
    }),
    ...(draft.competencies.length > 0
      ? [write("competencies.yaml", { competencies: draft.competencies })]
      : []),
    ...draft.tracks.map((track, index) =>
      write(`tracks/${String(index + 1).padStart(width, "0")}-${track.id}.yaml`, {
        tracks: [track],
      }),
    ),
  ];
}

/**
 * What every importer returns: the ladder folder, written from `draft` at the first version with
 * the source (`source`, the files it `read`) in its metadata, and the report of what could not be
 * placed.
 */
export function importedLadder({
  source,
  read,
  options,
  ladder,
  draft,
  report,
  stated,
  shared,
}: {
  source: { title: string; repository: string };
  read: string[];
  options: ImportOptions;
  ladder: { id: string; name: string; description: string };
  draft: Omit<DraftLadder, "ladder">;
  report: ReportLine[];
  stated: SourceStatement[];
  shared?: ImportedLadder["shared"];
}): ImportedLadder {
  return {
    ladderId: ladder.id,
    report,
    stated,
    files: ladderFiles(
      {
        ladder: {
          ...ladder,
          version: FIRST_VERSION,
          source: ladderSource(source.title, source.repository, read, options),
        },
        ...draft,
      },
      source.title,
    ),
    ...(shared === undefined ? {} : { shared }),
  };
}
