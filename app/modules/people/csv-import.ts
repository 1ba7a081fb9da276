import { parse } from "csv-parse/sync";
import { z } from "zod";
import { messageText, type Message, type wordsOf } from "~/i18n/messages";
import { forbiddenCharacter } from "~/utils/name-text";
import { ATTRIBUTE_PREFIX } from "./attributes";
import type { TrackLevelCheck } from "./track-level";
import { levelSinceAfter, readLevelSince, type LevelSinceProblem } from "./level-since";
import { dateToDay, dayToDate } from "~/modules/days";

/**
 * People CSV import, as pure logic: parse the file, check every row, and plan what
 * would be created and changed against the people already in Rungs (passed in as
 * plain data). Nothing here touches the database; import.server.ts applies the plan.
 */

export const CSV_COLUMNS = [
  "name",
  "email",
  "manager_email",
  "team",
  "ladder",
  "track",
  "level",
  "sublevel",
  "level_since",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ["name", "email"];

/** More rows than this is refused before any checking (the organisation target is 5,000). */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * Besides the fixed columns, up to this many optional attribute columns (`attribute:location`).
 * The name after the prefix is read like any header: case-insensitively, with spaces and hyphens
 * as underscores (`Attribute: Work-Location` is `work_location`); it must then be letters, digits
 * and underscores, starting with a letter, up to 40 characters.
 */
export const MAX_ATTRIBUTE_COLUMNS = 10;
export const MAX_ATTRIBUTE_VALUE = 100;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/** An attribute column, as the file names it (`attribute:location`). */
export type AttributeField = `${typeof ATTRIBUTE_PREFIX}${string}`;

/**
 * A problem of the file: a message the page words (a key, as zod carries it, or a message).
 * `line` is the file's line number (the header is line 1); `field` is null for whole-row problems.
 */
export type ImportError = {
  line: number;
  field: CsvColumn | AttributeField | null;
  message: string | Message;
};

export type ExistingPerson = {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  team: string | null;
  /** The ladder's id; null when the person was recorded before ladders were named. */
  ladder: string | null;
  track: string | null;
  level: string | null;
  sublevel: string | null;
  active: boolean;
  /** Optional attributes imported earlier (name → value). */
  attributes: Readonly<Record<string, string>>;
  /** The day they reached their level, when before Rungs recorded it (YYYY-MM-DD). */
  levelSince: string | null;
  /** When Rungs last recorded a change of their level (a level since before it is not taken). */
  levelMovedAt: Date | null;
};

export type ExistingTeam = { id: string; name: string };

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  managerEmail: string | null;
  team: string | null;
  /**
   * The person's ladder, resolved from the `ladder` column or from their track and level; as
   * written in the file until planImport resolves it where the file leaves track or level out.
   */
  ladder: string | null;
  track: string | null;
  level: string | null;
  /** One of the level's sub-levels; null for none (and when the file has no sublevel column). */
  sublevel: string | null;
  /** The file's attribute columns: name → value, null for an empty cell (the attribute is removed). */
  attributes: Record<string, string | null>;
  /** The day they reached their level, when before Rungs (YYYY-MM-DD); null for an empty cell (and when the file has no level_since column). */
  levelSince: string | null;
};

export type ChangeField = Exclude<CsvColumn, "email"> | AttributeField;
export type FieldChange = { field: ChangeField; from: string | null; to: string | null };
export type PlannedChange = {
  line: number;
  id: string;
  email: string;
  name: string;
  changes: FieldChange[];
};

export type ImportPlan = {
  /** Columns the file has; an absent column leaves that field of existing people as it is. */
  columns: CsvColumn[];
  /** Attribute columns the file has (names without the prefix); the same rule holds. */
  attributeColumns: string[];
  /** New people, each after their manager when the manager is new too. */
  creates: ImportRow[];
  changes: PlannedChange[];
  unchangedCount: number;
  /** Teams the file names that do not exist yet, in first-seen order. */
  newTeams: string[];
};

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; errors: ImportError[] };

const emptyToNull = (value: string) => (value === "" ? null : value);

/** What is wrong with a level_since cell, by the reading's problem (the day is given as written). */
const LEVEL_SINCE_PROBLEMS: Record<LevelSinceProblem, string> = {
  format: "people:import.problems.levelSinceFormat",
  notADay: "people:import.problems.levelSinceNotADay",
  before1970: "people:import.problems.levelSinceBefore1970",
  future: "people:import.problems.levelSinceFuture",
};

/** A cell's forbidden character (the name fields' rule), said as the import says its errors; a file that was not UTF-8 gets a hint. */
function forbiddenCharacterIn(value: string): string | null {
  const found = forbiddenCharacter(value);
  if (!found) return null;
  if (found.kind === "unreadable") return "people:import.problems.unreadable";
  return messageText({ key: `people:import.problems.${found.kind}`, values: { code: found.code } });
}

const cleanText = (value: string, ctx: z.RefinementCtx) => {
  const problem = forbiddenCharacterIn(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

const RowSchema = z.object({
  name: z
    .string()
    .superRefine(cleanText)
    .trim()
    .min(1, "people:import.problems.nameRequired")
    .max(200, "people:import.problems.nameTooLong"),
  email: z
    .string()
    .superRefine(cleanText)
    .trim()
    .toLowerCase()
    .min(1, "people:import.problems.emailRequired")
    .pipe(
      z
        .email("people:import.problems.emailInvalid")
        .max(254, "people:import.problems.emailTooLong"),
    ),
  manager_email: z
    .string()
    .superRefine(cleanText)
    .trim()
    .toLowerCase()
    .transform(emptyToNull)
    .pipe(z.email("people:import.problems.emailInvalid").nullable()),
  team: z
    .string()
    .superRefine(cleanText)
    .trim()
    .max(100, "people:import.problems.teamTooLong")
    .transform(emptyToNull),
  ladder: z.string().superRefine(cleanText).trim().transform(emptyToNull),
  track: z.string().superRefine(cleanText).trim().toLowerCase().transform(emptyToNull),
  level: z.string().superRefine(cleanText).trim().toLowerCase().transform(emptyToNull),
  sublevel: z.string().superRefine(cleanText).trim().toLowerCase().transform(emptyToNull),
  // Read by readLevelSince below, which says what is wrong with a day.
  level_since: z.string(),
});

function normaliseHeader(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

type ParsedFile = {
  columns: CsvColumn[];
  attributeColumns: string[];
  /** Rows that passed every check that needs nothing but the row itself. */
  rows: ImportRow[];
  rowErrors: ImportError[];
  /** Emails on rejected rows: a manager reference to one is not reported a second time. */
  rejectedEmails: Set<string>;
  /**
   * What could still be read from each rejected row (its email and manager, where those cells
   * are valid), so that the checks against other rows and Rungs report its problems too.
   */
  rejectedRows: RejectedRow[];
};

type RejectedRow = { line: number; email: string | null; managerEmail: string | null };

const isAccepted = (row: ImportRow | RejectedRow): row is ImportRow => "attributes" in row;

/**
 * Parses and checks the file on its own (no knowledge of existing people). A bad
 * header or unreadable CSV stops here; row problems are collected so that every bad
 * row is reported at once.
 */
export function parsePeopleCsv(
  text: string,
  checkTrackLevel: TrackLevelCheck,
  now: Date = new Date(),
): { ok: true; value: ParsedFile } | { ok: false; errors: ImportError[] } {
  // One line-ending convention: csv-parse locks onto the first one it sees and
  // rejects a file that mixes them, which spreadsheets and pasting both produce.
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          field: null,
          message: {
            key: "people:import.problems.emptyFile",
            values: { columns: CSV_COLUMNS.join(", ") },
          },
        },
      ],
    };
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === "number"
        ? (error as { lines: number }).lines
        : 1;
    const reason = error instanceof Error ? error.message.replace(/^[^:]*:\s*/, "") : String(error);
    return {
      ok: false,
      errors: [
        {
          line,
          field: null,
          message: { key: "people:import.problems.notCsv", values: { reason } },
        },
      ],
    };
  }

  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      errors: [{ line: 1, field: null, message: { key: "people:import.problems.empty" } }],
    };
  const headerLine = startLine(header);
  const errors: ImportError[] = [];
  const columns: CsvColumn[] = [];
  const indexOf = new Map<CsvColumn, number>();
  const attributeIndex = new Map<string, number>();
  header.record.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    // Spreadsheets often export trailing empty columns; a column without a name is ignored.
    if (name === "") return;
    if (name.startsWith(ATTRIBUTE_PREFIX)) {
      const attribute = name.slice(ATTRIBUTE_PREFIX.length).replace(/^_+/, "");
      if (!ATTRIBUTE_NAME.test(attribute)) {
        errors.push({
          line: headerLine,
          field: null,
          message: {
            key: "people:import.problems.badAttributeColumn",
            values: { column: raw.trim(), prefix: ATTRIBUTE_PREFIX },
          },
        });
      } else if (attributeIndex.has(attribute)) {
        errors.push({
          line: headerLine,
          field: `${ATTRIBUTE_PREFIX}${attribute}`,
          message: {
            key: "people:import.problems.columnTwice",
            values: { column: `${ATTRIBUTE_PREFIX}${attribute}` },
          },
        });
      } else {
        attributeIndex.set(attribute, index);
      }
      return;
    }
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({
        line: headerLine,
        field: null,
        message: {
          key: "people:import.problems.unknownColumn",
          values: { column: raw.trim(), columns: CSV_COLUMNS.join(", "), prefix: ATTRIBUTE_PREFIX },
        },
      });
      return;
    }
    const column = name as CsvColumn;
    if (indexOf.has(column)) {
      errors.push({
        line: headerLine,
        field: column,
        message: { key: "people:import.problems.columnTwice", values: { column } },
      });
      return;
    }
    indexOf.set(column, index);
    columns.push(column);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!indexOf.has(column))
      errors.push({
        line: headerLine,
        field: null,
        message: { key: "people:import.problems.missingColumn", values: { column } },
      });
  }
  if (attributeIndex.size > MAX_ATTRIBUTE_COLUMNS) {
    errors.push({
      line: headerLine,
      field: null,
      message: {
        key: "people:import.problems.tooManyAttributes",
        values: { count: attributeIndex.size, max: MAX_ATTRIBUTE_COLUMNS },
      },
    });
  }
  if (errors.length) return { ok: false, errors };

  const dataRecords = body.filter((entry) => entry.record.some((value) => value.trim() !== ""));
  if (dataRecords.length === 0)
    return {
      ok: false,
      errors: [
        { line: headerLine, field: null, message: { key: "people:import.problems.noPeople" } },
      ],
    };
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [
        {
          line: headerLine,
          field: null,
          message: {
            key: "people:import.problems.tooManyPeople",
            values: { count: dataRecords.length, max: MAX_IMPORT_ROWS },
          },
        },
      ],
    };
  }

  const placedByFile = indexOf.has("track") && indexOf.has("level");
  const rows: ImportRow[] = [];
  const rejectedEmails = new Set<string>();
  const rejectedRows: RejectedRow[] = [];
  const emailIndex = indexOf.get("email")!;
  for (const entry of dataRecords) {
    const line = startLine(entry);
    const reject = () => rejectedEmails.add((entry.record[emailIndex] ?? "").trim().toLowerCase());
    if (entry.record.length !== header.record.length) {
      errors.push({
        line,
        field: null,
        message: {
          key: "people:import.problems.valueCount",
          values: { expected: header.record.length, found: entry.record.length },
        },
      });
      reject();
      continue;
    }
    const input = Object.fromEntries(
      CSV_COLUMNS.map((column) => [column, entry.record[indexOf.get(column) ?? -1] ?? ""]),
    );
    const result = RowSchema.safeParse(input);
    const problems: ImportError[] = result.success
      ? []
      : result.error.issues.map((issue) => ({
          line,
          field: (issue.path[0] as CsvColumn | undefined) ?? null,
          message: issue.message,
        }));
    // A file that names both track and level places each person by its own cells; one that leaves
    // either out is checked against the person's current place (planImport).
    const id = (value: string | undefined) => emptyToNull((value ?? "").trim().toLowerCase());
    const place = placedByFile
      ? checkTrackLevel(id(input.track), id(input.level), emptyToNull((input.ladder ?? "").trim()))
      : null;
    if (place && !place.ok) problems.push({ line, field: place.field, message: place.message });
    if (place?.ok && indexOf.has("sublevel")) {
      const sublevel = checkTrackLevel.sublevel(id(input.sublevel), {
        ladderId: place.ladderId,
        track: id(input.track),
        level: id(input.level),
      });
      if (!sublevel.ok) problems.push({ line, field: "sublevel", message: sublevel.message });
    }
    const levelSince = readLevelSince(input.level_since ?? "", now);
    if (!levelSince.ok)
      problems.push({
        line,
        field: "level_since",
        message: {
          key: LEVEL_SINCE_PROBLEMS[levelSince.problem],
          values: { day: (input.level_since ?? "").trim() },
        },
      });
    const attributes: Record<string, string | null> = {};
    for (const [attribute, index] of attributeIndex) {
      const field: AttributeField = `${ATTRIBUTE_PREFIX}${attribute}`;
      const value = (entry.record[index] ?? "").trim();
      const problem = forbiddenCharacterIn(value);
      if (problem) problems.push({ line, field, message: problem });
      else if (value.length > MAX_ATTRIBUTE_VALUE)
        problems.push({
          line,
          field,
          message: {
            key: "people:import.problems.attributeTooLong",
            values: { max: MAX_ATTRIBUTE_VALUE },
          },
        });
      attributes[attribute] = emptyToNull(value);
    }
    if (!result.success || problems.length) {
      errors.push(...problems);
      reject();
      const email = RowSchema.shape.email.safeParse(input.email);
      const manager = RowSchema.shape.manager_email.safeParse(input.manager_email);
      rejectedRows.push({
        line,
        email: email.success ? email.data : null,
        managerEmail: manager.success ? manager.data : null,
      });
      continue;
    }
    const value = result.data;
    rows.push({
      line,
      name: value.name,
      email: value.email,
      managerEmail: value.manager_email,
      team: value.team,
      ladder: place?.ok ? place.ladderId : value.ladder,
      track: value.track,
      level: value.level,
      sublevel: value.sublevel,
      attributes,
      levelSince: levelSince.ok && levelSince.day ? dateToDay(levelSince.day) : null,
    });
  }
  return {
    ok: true,
    value: {
      columns,
      attributeColumns: [...attributeIndex.keys()],
      rows,
      rowErrors: errors,
      rejectedEmails,
      rejectedRows,
    },
  };
}

/** csv-parse reports the line a record ends on; a quoted value may span several lines. */
function startLine(entry: { record: string[]; info: { lines: number } }): number {
  let newlines = 0;
  for (const value of entry.record) for (const char of value) if (char === "\n") newlines++;
  return entry.info.lines - newlines;
}

/**
 * The whole check and plan. A bad header or unreadable file stops at once; otherwise
 * every problem is reported together: row errors, and, against existing people,
 * duplicate emails, unknown or deactivated managers, self-management and reporting
 * cycles over the combined graph (existing reporting lines overridden by the file).
 */
export function planImport(
  text: string,
  existing: { people: readonly ExistingPerson[]; teams: readonly ExistingTeam[] },
  checkTrackLevel: TrackLevelCheck,
  now: Date = new Date(),
): PlanResult {
  const parsed = parsePeopleCsv(text, checkTrackLevel, now);
  if (!parsed.ok) return parsed;
  const { columns, attributeColumns, rows, rowErrors, rejectedEmails, rejectedRows } = parsed.value;
  const has = (column: CsvColumn) => columns.includes(column);

  const byEmail = new Map(existing.people.map((person) => [person.email.toLowerCase(), person]));
  const emailById = new Map(
    existing.people.map((person) => [person.id, person.email.toLowerCase()]),
  );
  const errors: ImportError[] = [...rowErrors];

  // A row rejected for another cell still takes part in these checks where its email and manager
  // could be read, so one check reports every problem of every row.
  const firstLineOf = new Map<string, number>();
  const readable: (ImportRow | RejectedRow)[] = [...rows, ...rejectedRows].sort(
    (a, b) => a.line - b.line,
  );
  for (const row of readable)
    if (row.email && !firstLineOf.has(row.email)) firstLineOf.set(row.email, row.line);
  const rowByEmail = new Map<string, ImportRow>();
  for (const row of readable) {
    if (!row.email) continue;
    const first = firstLineOf.get(row.email)!;
    if (first !== row.line) {
      errors.push({
        line: row.line,
        field: "email",
        message: {
          key: "people:import.problems.emailTwice",
          values: { email: row.email, line: first },
        },
      });
      continue;
    }
    if (isAccepted(row)) rowByEmail.set(row.email, row);
  }

  const managed = [...rowByEmail.values(), ...rejectedRows].sort((a, b) => a.line - b.line);
  for (const row of managed) {
    const manager = row.managerEmail;
    if (!manager) continue;
    if (manager === row.email) {
      errors.push({
        line: row.line,
        field: "manager_email",
        message: { key: "people:import.problems.ownManager" },
      });
      continue;
    }
    if (rejectedEmails.has(manager)) continue;
    const person = byEmail.get(manager);
    // A manager on a row of the file is fine unless they are deactivated in Rungs: the import does not reactivate anyone.
    if (rowByEmail.has(manager) && (!person || person.active)) continue;
    if (!person) {
      errors.push({
        line: row.line,
        field: "manager_email",
        message: { key: "people:import.problems.managerUnknown", values: { email: manager } },
      });
    } else if (!person.active) {
      errors.push({
        line: row.line,
        field: "manager_email",
        message: { key: "people:import.problems.managerDeactivated", values: { email: manager } },
      });
    }
  }

  const managerOf = (email: string): string | null => {
    const row = rowByEmail.get(email);
    if (row && has("manager_email")) return row.managerEmail;
    const managerId = byEmail.get(email)?.managerId;
    return managerId ? (emailById.get(managerId) ?? null) : null;
  };
  for (const cycle of findCycles([...rowByEmail.keys()], managerOf)) {
    if (cycle.length === 1) continue; // managing oneself, reported above
    const path = [...cycle, cycle[0]].join(" → ");
    for (const email of cycle) {
      const row = rowByEmail.get(email);
      if (row)
        errors.push({
          line: row.line,
          field: "manager_email",
          message: { key: "people:import.problems.reportingCycle", values: { path } },
        });
    }
  }
  // Where the file leaves track or level out, the person keeps theirs: the place they end up in
  // (the file's cells over their current ones) must exist, on one ladder.
  if (!(has("track") && has("level"))) {
    for (const row of rowByEmail.values()) {
      const person = byEmail.get(row.email);
      const track = has("track") ? row.track : (person?.track ?? null);
      const level = has("level") ? row.level : (person?.level ?? null);
      const place = checkTrackLevel(
        track,
        level,
        has("ladder") ? row.ladder : (person?.ladder ?? null),
      );
      if (place.ok) {
        row.ladder =
          has("ladder") || has("track") || has("level") ? place.ladderId : (person?.ladder ?? null);
        const sublevel = has("sublevel")
          ? checkTrackLevel.sublevel(row.sublevel, { ladderId: place.ladderId, track, level })
          : null;
        if (sublevel && !sublevel.ok)
          errors.push({ line: row.line, field: "sublevel", message: sublevel.message });
      } else {
        // Said with the current track or level the file left out, which the problem may be about.
        const keptTrack = !has("track") && track;
        const keptLevel = !has("level") && level;
        const problem = place.message;
        errors.push({
          line: row.line,
          field: place.field,
          message:
            keptTrack && keptLevel
              ? { key: "people:import.problems.keptPlace", values: { problem, track, level } }
              : keptTrack
                ? { key: "people:import.problems.keptTrack", values: { problem, track } }
                : keptLevel
                  ? { key: "people:import.problems.keptLevel", values: { problem, level } }
                  : problem,
        });
      }
    }
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };

  const teamByKey = new Map(existing.teams.map((team) => [team.name.toLowerCase(), team.name]));
  const newTeams: string[] = [];
  const canonicalTeam = (name: string | null): string | null => {
    if (!name) return null;
    const key = name.toLowerCase();
    const known = teamByKey.get(key);
    if (known) return known;
    teamByKey.set(key, name);
    newTeams.push(name);
    return name;
  };

  const creates: ImportRow[] = [];
  const changes: PlannedChange[] = [];
  let unchangedCount = 0;
  // A day given in the file; undefined where the file has no level_since column (it says nothing of it).
  const givenSince = (row: ImportRow) =>
    has("level_since") ? (row.levelSince ? dayToDate(row.levelSince) : null) : undefined;
  const dayOf = (date: Date | null) => (date ? dateToDay(date) : null);
  for (const row of rowByEmail.values()) {
    const team = canonicalTeam(row.team);
    const person = byEmail.get(row.email);
    if (!person) {
      creates.push({
        ...row,
        team,
        levelSince: dayOf(
          levelSinceAfter({
            levelChanged: false,
            given: givenSince(row),
            current: null,
            movedAt: null,
          }),
        ),
      });
      continue;
    }
    const fieldChanges: FieldChange[] = [];
    const compare = (
      field: Exclude<CsvColumn, "email">,
      from: string | null,
      to: string | null,
    ) => {
      if (has(field) && from !== to) fieldChanges.push({ field, from, to });
    };
    compare("name", person.name, row.name);
    compare(
      "manager_email",
      person.managerId ? (emailById.get(person.managerId) ?? null) : null,
      row.managerEmail,
    );
    const currentTeam = person.team
      ? (teamByKey.get(person.team.toLowerCase()) ?? person.team)
      : null;
    compare("team", currentTeam, team);
    compare("track", person.track, row.track);
    compare("level", person.level, row.level);
    compare("sublevel", person.sublevel, row.sublevel);
    // A sub-level belongs to its level: a file without the column that moves someone clears it.
    if (
      !has("sublevel") &&
      person.sublevel !== null &&
      fieldChanges.some((change) => change.field === "track" || change.field === "level")
    ) {
      fieldChanges.push({ field: "sublevel", from: person.sublevel, to: null });
    }
    const levelChanged = fieldChanges.some(
      (change) => change.field === "track" || change.field === "level",
    );
    const levelSince = dayOf(
      levelSinceAfter({
        levelChanged,
        given: givenSince(row),
        current: person.levelSince ? dayToDate(person.levelSince) : null,
        movedAt: person.levelMovedAt,
      }),
    );
    if (levelSince !== person.levelSince)
      fieldChanges.push({ field: "level_since", from: person.levelSince, to: levelSince });
    // The ladder follows the file's ladder column, or the track and level when those change
    // (people recorded before ladders were named keep none: theirs is the one with their level).
    if (
      has("ladder") ||
      (person.ladder !== null &&
        fieldChanges.some((change) => change.field === "track" || change.field === "level"))
    ) {
      if (person.ladder !== row.ladder)
        fieldChanges.push({ field: "ladder", from: person.ladder, to: row.ladder });
    }
    for (const attribute of attributeColumns) {
      // Own properties only: an attribute named like a property of every object (constructor) is not inherited.
      const from = Object.hasOwn(person.attributes, attribute)
        ? (person.attributes[attribute] ?? null)
        : null;
      const to = row.attributes[attribute] ?? null;
      if (from !== to) fieldChanges.push({ field: `${ATTRIBUTE_PREFIX}${attribute}`, from, to });
    }
    if (fieldChanges.length)
      changes.push({
        line: row.line,
        id: person.id,
        email: person.email,
        name: person.name,
        changes: fieldChanges,
      });
    else unchangedCount++;
  }

  return {
    ok: true,
    plan: {
      columns,
      attributeColumns,
      creates: managerFirst(creates),
      changes,
      unchangedCount,
      newTeams,
    },
  };
}

/** By line, and within a line in column order (a stable sort keeps each row's own order). */
function sortErrors(errors: ImportError[]): ImportError[] {
  return errors.sort((a, b) => a.line - b.line);
}

/**
 * Every reporting cycle reachable from the given people, each once, as the emails
 * around it. Each person has at most one manager, so following managers from any
 * start either ends or enters exactly one cycle: O(people).
 */
export function findCycles(
  starts: readonly string[],
  managerOf: (email: string) => string | null,
): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of starts) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null = start;
    while (current && !done.has(current)) {
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        cycles.push(path.slice(seenAt));
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = managerOf(current);
    }
    for (const email of path) done.add(email);
  }
  return cycles;
}

/** Orders new people so that a new manager comes before their new reports. */
function managerFirst(creates: ImportRow[]): ImportRow[] {
  const byEmail = new Map(creates.map((row) => [row.email, row]));
  const depth = new Map<string, number>();
  const depthOf = (start: ImportRow): number => {
    const chain: ImportRow[] = [];
    let current: ImportRow | undefined = start;
    let base = 0;
    while (current) {
      const known = depth.get(current.email);
      if (known !== undefined) {
        base = known + 1;
        break;
      }
      chain.push(current);
      current = current.managerEmail ? byEmail.get(current.managerEmail) : undefined;
    }
    // The chain was walked report-to-manager; the last entry is the highest.
    for (let index = chain.length - 1; index >= 0; index--) {
      depth.set(chain[index]!.email, base);
      base++;
    }
    return depth.get(start.email)!;
  };
  const keyed = creates.map((row, index) => ({ row, index, depth: depthOf(row) }));
  keyed.sort((a, b) => a.depth - b.depth || a.index - b.index);
  return keyed.map((entry) => entry.row);
}

/** How the preview names each column a change is in (app/locales, people namespace). */
const FIELD_WORDS: Record<Exclude<ChangeField, AttributeField>, string> = {
  name: "people:import.changeFields.name",
  manager_email: "people:import.changeFields.manager",
  team: "people:import.changeFields.team",
  ladder: "people:import.changeFields.ladder",
  track: "people:import.changeFields.track",
  level: "people:import.changeFields.level",
  sublevel: "people:import.changeFields.sublevel",
  level_since: "people:import.changeFields.levelSince",
};

/** Names of ladders, tracks and levels (app/modules/ladders `ladderWords`, with the ladders' own names). */
export type PlaceWords = {
  ladder: (ladderId: string) => string;
  track: (trackId: string, ladderId: string | null) => string | null;
  level: (levelId: string, ladderId: string | null) => string | null;
};

/**
 * One planned change as the preview says it in the request's language (`t`; "level: Engineer I →
 * Engineer II"): ladders, tracks and levels by their names, never the file's ids. Tracks and levels
 * are read on the ladders the person moves between when the same change moves them, else on
 * whichever ladder has them.
 */
export function changeInWords(
  change: FieldChange,
  all: readonly FieldChange[],
  words: PlaceWords,
  t: Parameters<typeof wordsOf>[0],
): string {
  const say = (key: string, values?: Record<string, string>) =>
    String(t(key as never, values as never));
  const ladderChange = all.find((entry) => entry.field === "ladder");
  const [ladderBefore, ladderAfter] = [ladderChange?.from ?? null, ladderChange?.to ?? null];
  const named = (value: string | null, ladderId: string | null): string => {
    if (value === null) return say("people:import.changeNone");
    if (change.field === "ladder") return words.ladder(value);
    if (change.field === "track") return words.track(value, ladderId) ?? value;
    if (change.field === "level") return words.level(value, ladderId) ?? value;
    return value;
  };
  const field = change.field.startsWith(ATTRIBUTE_PREFIX)
    ? say("people:import.changeAttribute", { name: change.field.slice(ATTRIBUTE_PREFIX.length) })
    : say(FIELD_WORDS[change.field as keyof typeof FIELD_WORDS]);
  return say("people:import.change", {
    field,
    from: named(change.from, ladderBefore),
    to: named(change.to, ladderAfter),
  });
}
