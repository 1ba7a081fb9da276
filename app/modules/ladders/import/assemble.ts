import { normaliseText } from "../text-similarity";
import type { DraftLink, DraftStatement, ReportLine } from "./types";

/**
 * Turns what an importer read (statements per track, level and competency) into a ladder that
 * the format accepts: each competency names the tracks that use it and where it starts and
 * stops (`applies`), and each level holds statements for exactly the competencies that apply at
 * it. Sources are not that tidy, so this is where their gaps are filled, and reported.
 */

/** Descriptions and summaries are "" where the source gives none: the written ladder leaves them out. */
export interface PlannedCompetency {
  id: string;
  name: string;
  area: string;
  description: string;
  links?: DraftLink[];
}

export interface PlannedCell {
  statements: DraftStatement[];
  /** The rating this level expects of this competency, when the source says. */
  target?: number;
}

export interface PlannedLevel {
  id: string;
  title: string;
  alsoTitled?: string[];
  summary: string;
  sublevels?: { id: string; title: string; summary?: string }[];
  /** The source file whose statements fill this level, for the report. */
  file: string;
  cells: Map<string, PlannedCell>;
}

export interface PlannedTrack {
  id: string;
  name: string;
  description: string;
  /** The level of another track this one splits off after (docs/ladders.md, "Branching paths"). */
  branchesFrom?: string;
  levels: PlannedLevel[];
}

export interface DraftLevel {
  id: string;
  title: string;
  alsoTitled?: string[];
  summary?: string;
  target?: number;
  targets?: Record<string, number>;
  sublevels?: { id: string; title: string; summary?: string }[];
  expectations: Record<string, (string | DraftStatement)[]>;
}

export interface DraftTrack {
  id: string;
  name: string;
  description?: string;
  branchesFrom?: string;
  levels: DraftLevel[];
}

export interface DraftCompetency {
  id: string;
  name: string;
  area: string;
  description?: string;
  tracks?: string[];
  links?: DraftLink[];
  applies?: { from?: string[]; upTo?: string[] };
}

export interface Assembled {
  competencies: DraftCompetency[];
  tracks: DraftTrack[];
  report: ReportLine[];
}

/** The statement written where a source lists nothing for a level in the middle of a competency's span. */
export function carriedOverStatement(previousLevelTitle: string, sourceName: string): string {
  return `Keeps showing what ${previousLevelTitle} asks here (${sourceName} lists nothing new at this level).`;
}

export function assembleLadder(
  competencies: PlannedCompetency[],
  tracks: PlannedTrack[],
  sourceName: string,
): Assembled {
  const report: ReportLine[] = [];
  const used = competencies.filter((competency) =>
    tracks.some((track) => track.levels.some((level) => hasStatements(level, competency.id))),
  );
  const spans = new Map<string, Map<string, { first: number; last: number }>>();
  for (const competency of used) {
    const byTrack = new Map<string, { first: number; last: number }>();
    for (const track of tracks) {
      const filled = track.levels.flatMap((level, index) =>
        hasStatements(level, competency.id) ? [index] : [],
      );
      if (filled.length > 0)
        byTrack.set(track.id, { first: filled[0]!, last: filled[filled.length - 1]! });
    }
    spans.set(competency.id, byTrack);
  }

  const draftTracks = tracks.map((track): DraftTrack => ({
    id: track.id,
    name: track.name,
    ...described("description", track.description),
    ...(track.branchesFrom === undefined ? {} : { branchesFrom: track.branchesFrom }),
    levels: track.levels.map((level, index): DraftLevel => {
      const expectations: Record<string, (string | DraftStatement)[]> = {};
      const targets: Record<string, number> = {};
      for (const competency of used) {
        const span = spans.get(competency.id)!.get(track.id);
        if (span === undefined || index < span.first || index > span.last) continue;
        const cell = cellCarryingOver(track, index, competency, sourceName, report);
        expectations[competency.id] = uniqueStatements(
          cell.statements,
          level,
          competency,
          report,
        ).map(writtenStatement);
        if (cell.target !== undefined) targets[competency.id] = cell.target;
      }
      return {
        id: level.id,
        title: level.title,
        ...(level.alsoTitled && level.alsoTitled.length > 0
          ? { alsoTitled: level.alsoTitled }
          : {}),
        ...described("summary", level.summary),
        ...(Object.keys(targets).length > 0 ? { targets } : {}),
        ...(level.sublevels && level.sublevels.length > 0 ? { sublevels: level.sublevels } : {}),
        expectations,
      };
    }),
  }));

  const draftCompetencies = used.map((competency): DraftCompetency => {
    const byTrack = spans.get(competency.id)!;
    const trackIds = tracks.filter((track) => byTrack.has(track.id)).map((track) => track.id);
    const from: string[] = [];
    const upTo: string[] = [];
    for (const track of tracks) {
      const span = byTrack.get(track.id);
      if (span === undefined) continue;
      if (span.first > 0) from.push(track.levels[span.first]!.id);
      if (span.last < track.levels.length - 1) upTo.push(track.levels[span.last]!.id);
    }
    const applies =
      from.length + upTo.length === 0
        ? undefined
        : { ...(from.length > 0 ? { from } : {}), ...(upTo.length > 0 ? { upTo } : {}) };
    return {
      id: competency.id,
      name: competency.name,
      area: competency.area,
      ...described("description", competency.description),
      ...(trackIds.length === tracks.length ? {} : { tracks: trackIds }),
      ...(applies === undefined ? {} : { applies }),
      ...(competency.links && competency.links.length > 0 ? { links: competency.links } : {}),
    };
  });
  return { competencies: draftCompetencies, tracks: draftTracks, report };
}

/** `{ [key]: text }`, or nothing where the source gave no text. */
export function described<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  return text === "" ? {} : ({ [key]: text } as Record<K, string>);
}

function hasStatements(level: PlannedLevel, competencyId: string): boolean {
  return (level.cells.get(competencyId)?.statements.length ?? 0) > 0;
}

/** A level inside a competency's span with nothing of its own keeps the level below's bar, and says so. */
function cellCarryingOver(
  track: PlannedTrack,
  index: number,
  competency: PlannedCompetency,
  sourceName: string,
  report: ReportLine[],
): PlannedCell {
  const level = track.levels[index]!;
  const own = level.cells.get(competency.id);
  if (own !== undefined && own.statements.length > 0) return own;
  let below = index - 1;
  while (!hasStatements(track.levels[below]!, competency.id)) below--;
  const previous = track.levels[index - 1]!;
  report.push({
    file: level.file,
    message: `${level.title} lists nothing for "${competency.name}" between levels that do; wrote "${carriedOverStatement(previous.title, sourceName)}"`,
  });
  return {
    statements: [{ text: carriedOverStatement(previous.title, sourceName) }],
    target: track.levels[below]!.cells.get(competency.id)?.target,
  };
}

/**
 * The same words twice in one list: without ids they are one statement, kept once; under two
 * statement ids the source holds two statements, and both stay (ladders:check warns until
 * someone rewords or removes one), so neither id is lost.
 */
function uniqueStatements(
  statements: DraftStatement[],
  level: PlannedLevel,
  competency: PlannedCompetency,
  report: ReportLine[],
): DraftStatement[] {
  const seen = new Map<string, DraftStatement>();
  return statements.filter((statement) => {
    const key = normaliseText(statement.text);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, statement);
      return true;
    }
    const where = `${level.title}, "${competency.name}": "${statement.text.trim()}" is listed twice`;
    if (earlier.id !== undefined && statement.id !== undefined && earlier.id !== statement.id) {
      report.push({
        file: level.file,
        message: `${where}, under statement ids ${earlier.id} and ${statement.id}; both kept (ladders:check warns until one is reworded or removed)`,
      });
      return true;
    }
    report.push({ file: level.file, message: `${where}; kept once` });
    return false;
  });
}

/** Plain statements stay in the shorthand; anything with an id, examples or links uses the full form. */
function writtenStatement(statement: DraftStatement): string | DraftStatement {
  const examples = statement.examples ?? [];
  const links = statement.links ?? [];
  if (statement.id === undefined && examples.length === 0 && links.length === 0)
    return statement.text;
  return {
    ...(statement.id === undefined ? {} : { id: statement.id }),
    text: statement.text,
    ...(examples.length > 0 ? { examples } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}
