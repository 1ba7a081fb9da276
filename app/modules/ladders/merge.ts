import type { IncludedSource, Inheritance, InheritedExpectations } from "./includes";
import type { Message } from "~/i18n/messages";
import { said } from "./check-messages";
import type { LadderError, LadderPath } from "./ladder-errors";
import {
  LIST_SECTIONS,
  SINGULAR_SECTIONS,
  type AreaData,
  type CalibrationScaleData,
  type ChangelogEntryData,
  type CompetencyData,
  type EquivalenceRowData,
  type ExpectationData,
  type PointsData,
  type SharedMetaData,
  type LadderMetaData,
  type ScalePointData,
  type SingularSection,
  type TrackData,
} from "./schema";
import type { ValidatedFile } from "./validate-file";
import { errorAt, type ParsedSource } from "./yaml-source";

/** Where something was written: the file and the path inside it. */
export interface Origin {
  source: ParsedSource;
  path: LadderPath;
}

export interface Sourced<T> extends Origin {
  value: T;
  /** Set when the ladder inherits it through `include`. */
  from?: Inheritance;
}

export type IdKind = "area" | "competency" | "track" | "level";

export interface IdSighting extends Origin {
  id: string;
  from?: Inheritance;
}

/**
 * The ladder's files merged by the format's rules, before cross-reference checks. Holds only
 * content that passed the schema, plus every id seen anywhere, valid or not, so a typo in one
 * item does not make every reference to it look unknown as well.
 */
export interface LadderParts {
  /** Names the ladder (its folder) in errors that belong to no single file. */
  root: string;
  /** False when some file could not be read as YAML: its ids are unknown, so "unknown X" checks would mislead. */
  complete: boolean;
  definitions: Record<SingularSection, Origin[]>;
  ladder?: Sourced<LadderMetaData>;
  changelog?: Sourced<ChangelogEntryData[]>;
  scale?: Sourced<ScalePointData[]>;
  equivalence?: Sourced<EquivalenceRowData[]>;
  calibrationScales?: Sourced<CalibrationScaleData[]>;
  include?: Sourced<string[]>;
  /** Only shared sources hold these; a ladder that does is told so (check-includes.ts). */
  shared?: Sourced<SharedMetaData>;
  expectations?: Sourced<Record<string, Record<string, ExpectationData[]>>>;
  points?: Sourced<PointsData>;
  areas: Array<Sourced<AreaData>>;
  competencies: Array<Sourced<CompetencyData>>;
  tracks: Array<Sourced<TrackData>>;
  /** Every id written in the ladder, with the path of the `id` value, in file order. */
  sightings: Record<IdKind, IdSighting[]>;
  /** The sources the ladder includes, in the order their content comes. */
  includes: Inheritance[];
  /** Expectations levels inherit from included sources. */
  inheritedExpectations: InheritedExpectations[];
}

/** Included sources come first, each with its own includes before it, then the ladder's own files. */
export function mergeLadderFiles(
  files: readonly ValidatedFile[],
  root: string,
  complete: boolean,
  included: readonly IncludedSource[] = [],
): LadderParts {
  const parts: LadderParts = {
    root,
    complete,
    definitions: {
      ladder: [],
      changelog: [],
      scale: [],
      equivalence: [],
      calibrationScales: [],
      include: [],
      shared: [],
      expectations: [],
      points: [],
    },
    areas: [],
    competencies: [],
    tracks: [],
    sightings: { area: [], competency: [], track: [], level: [] },
    includes: included.map((source) => source.from),
    inheritedExpectations: included.flatMap((source) => source.expectations),
  };
  for (const { from, files: sharedFiles } of included) {
    for (const file of sharedFiles) {
      for (const section of TOPIC_SECTIONS) {
        const list = parts[section] as Array<Sourced<{ id: string }>>;
        for (const { value, index } of file.lists[section]) {
          if (list.some((earlier) => earlier.value.id === value.id)) continue;
          list.push({ source: file.source, path: [section, index], value, from });
        }
      }
      recordSightings(parts, file.source, TOPIC_SECTIONS, from);
    }
  }
  for (const file of files) {
    const { source } = file;
    for (const section of SINGULAR_SECTIONS) {
      if (!Object.hasOwn(source.data, section)) continue;
      parts.definitions[section].push({ source, path: [section] });
      const value = file.singular[section];
      if (value !== undefined && parts[section] === undefined) {
        Object.assign(parts, { [section]: { source, path: [section], value } });
      }
    }
    for (const section of LIST_SECTIONS) {
      const list = parts[section] as Array<Sourced<{ id: string }>>;
      for (const { value, index } of file.lists[section]) {
        // The first definition wins; a duplicate is reported once, not again through everything it touches.
        if (list.some((earlier) => earlier.value.id === value.id)) continue;
        list.push({ source, path: [section, index], value });
      }
    }
    recordSightings(parts, source);
  }
  return parts;
}

const KIND_OF_SECTION = { areas: "area", competencies: "competency", tracks: "track" } as const;
/** What a ladder inherits from an included source: never its tracks. */
const TOPIC_SECTIONS = ["areas", "competencies"] as const;

function recordSightings(
  parts: LadderParts,
  source: ParsedSource,
  sections: readonly (typeof LIST_SECTIONS)[number][] = LIST_SECTIONS,
  from?: Inheritance,
): void {
  for (const section of sections) {
    const items = source.data[section];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const id = idOf(item);
      if (id !== undefined)
        parts.sightings[KIND_OF_SECTION[section]].push({
          id,
          source,
          path: [section, index, "id"],
          ...(from === undefined ? {} : { from }),
        });
      if (section !== "tracks" || !isRecord(item) || !Array.isArray(item.levels)) return;
      item.levels.forEach((level: unknown, levelIndex) => {
        const levelId = idOf(level);
        if (levelId !== undefined) {
          parts.sightings.level.push({
            id: levelId,
            source,
            path: [section, index, "levels", levelIndex, "id"],
          });
        }
      });
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === "string" ? item.id : undefined;
}

/** Ids written anywhere in the ladder, including items the schema rejected. */
export function knownIds(parts: LadderParts, kind: IdKind): Set<string> {
  return new Set(parts.sightings[kind].map((sighting) => sighting.id));
}

export function errorIn(
  origin: Origin,
  subpath: LadderPath,
  message: string | Message,
  key?: string,
): LadderError {
  return errorAt(origin.source, [...origin.path, ...subpath], message, key);
}

/** For problems that belong to the ladder as a whole rather than to a place in a file. */
export function ladderError(parts: LadderParts, message: Message): LadderError {
  return { file: parts.root, line: 0, column: 0, path: "", ...said(message) };
}

export function describeOrigin(origin: Origin): string {
  const { line, column } = errorIn(origin, [], "");
  return `${origin.source.file}:${line}:${column}`;
}
