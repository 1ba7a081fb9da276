/**
 * What every importer shares: the files it reads, the ladder files it writes and its report of
 * what it could not place. Importers are pure: source text in, ladder files and report out.
 */

/** One file of the source project, as read from disk. */
export interface SourceFile {
  /** The path shown in the report, such as `frameworks/engineering/backend.md`. */
  path: string;
  text: string;
}

/** One line of the report: something of the source that the ladder does not hold as it was. */
export interface ReportLine {
  /** The source file it comes from. */
  file: string;
  message: string;
}

/** One file of the written ladder folder, relative to that folder. */
export interface LadderOutputFile {
  path: string;
  content: string;
}

/** One statement the source states, to check that the ladder keeps it (kept.ts). */
export interface SourceStatement {
  file: string;
  /** As the ladder writes it. */
  text: string;
  /** The source's statement id, when it gives one. */
  id?: string;
  /** The ladder level it is placed at; absent when it is kept elsewhere (a competency's description). */
  levelId?: string;
}

export interface ImportedLadder {
  ladderId: string;
  files: LadderOutputFile[];
  /** Every statement the source states, as the count the report compares with what the ladder keeps. */
  stated: SourceStatement[];
  /** Shared folders the ladder includes, written beside its folder (docs/ladders.md, "Shared topics"). */
  shared?: { folder: string; files: LadderOutputFile[] }[];
  report: ReportLine[];
}

export interface ImportOptions {
  /** The ladder's id; each importer derives one from the source when absent. */
  ladderId?: string;
  /**
   * Where the source is public, linked from the ladder's page: absent for the format's own public
   * repository (the files most people import), null for none (a private source).
   */
  sourceUrl?: string | null;
}

/** The source cannot be imported at all (unreadable YAML, a missing required file); names the file. */
export class ImportSourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ImportSourceError";
  }
}

/** A reference as the ladder format writes it. */
export interface DraftLink {
  title: string;
  url: string;
}

/** One statement: written in the full form when it carries an id, examples or links. */
export interface DraftStatement {
  id?: string;
  text: string;
  examples?: string[];
  links?: DraftLink[];
}
