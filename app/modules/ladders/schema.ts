import { z } from "zod";

/**
 * The content of one ladder file, exactly as docs/ladders.md describes it. Every check carries
 * its own message because authors read these, not developers.
 */

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The longest text each kind of field may hold, in characters (docs/ladders.md, "Text and Markdown"). */
export const TEXT_LIMITS = { name: 120, statement: 1000, description: 3000 } as const;

/**
 * Text with a length limit. The limit is metadata, not a check: it came in after ladders were in
 * use, so longer text is a warning (check-text-length.ts), and editors see it as `maxLength`.
 */
function textUpTo(max: number) {
  return z.string().trim().min(1, { error: "must not be empty" }).meta({ maxLength: max });
}
/** Names, titles, labels and versions. */
const name = textUpTo(TEXT_LIMITS.name);
/** One statement: an expectation, an example, a question, a follow-up, an anchor, a change. */
const text = textUpTo(TEXT_LIMITS.statement);
/** Descriptions, summaries and meanings. */
const prose = textUpTo(TEXT_LIMITS.description);

const id = z.string().regex(ID_PATTERN, {
  error: (issue) =>
    `"${String(issue.input)}" is not a valid id; use kebab-case: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. "code-quality")`,
});

/**
 * A statement (full-form expectation) id: ids from real ladders are kept as they are, such as
 * the FT's UUIDs, which may start with a digit; other ids stay kebab-case.
 */
export const STATEMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const STATEMENT_ID_MAX = 100;

const statementId = z
  .string()
  .max(STATEMENT_ID_MAX, { error: (issue) => `statement id is ${String((issue.input as string).length)} characters long; at most ${STATEMENT_ID_MAX} are allowed` })
  .regex(STATEMENT_ID_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid statement id; use letters, digits, dashes, dots and underscores, starting with a letter or digit (e.g. "ops-1" or a UUID)`,
  });

const webAddress = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/i, { error: (issue) => `"${String(issue.input)}" is not a web address; links start with http:// or https://` })
  .refine(isWebAddress, { error: (issue) => `"${String(issue.input)}" is not a web address; links start with http:// or https://` });

/** A reference: a page, guide or talk that explains a competency or statement further. */
export const linkSchema = z.strictObject({
  title: textUpTo(TEXT_LIMITS.name),
  url: webAddress,
});

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const links = z.array(linkSchema).min(1, { error: "list at least one link, or leave `links` out" });

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `"${String(issue.input)}" is not a date; write it as YYYY-MM-DD` })
  .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a real calendar date` });

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const atLeastOne = (what: string) => ({ error: `list at least one ${what}` });

/** `from: ic4` and `from: [ic4, tl2]` load the same: a list. */
function oneOrMany<T extends z.ZodType<string>>(item: T) {
  return z.union([item, z.array(item).min(1, { error: "list at least one level" })]).transform((value) => (Array.isArray(value) ? value : [value]));
}

/** A file of the source a ladder was made from, relative to the source's top folder: never a path on someone's machine. */
const sourceFile = z.string().refine((path) => path !== "" && !path.startsWith("/") && !path.includes("\\") && path.split("/").every((part) => part !== "" && part !== ".." && part !== "."), {
  error: (issue) =>
    `"${String(issue.input)}" is not a path inside the source; name files relative to its top folder, such as "frameworks/generic.md" (no leading "/", no "..")`,
});

/**
 * Where a ladder was made from (npm run ladders:import writes it): metadata, not text people
 * read. Pages link `url` (where the source is public) under `name`; `files` are for whoever
 * edits the ladder.
 */
export const ladderSourceSchema = z.strictObject({
  name,
  url: webAddress.optional(),
  files: z.array(sourceFile).min(1, { error: "list at least one file, or leave `files` out" }).optional(),
});

export const ladderMetaSchema = z.strictObject({
  id,
  name,
  version: name,
  /** Absent when the ladder's source describes nothing (an imported ladder): pages then show none. */
  description: prose.optional(),
  source: ladderSourceSchema.optional(),
});

export const changelogEntrySchema = z.strictObject({
  version: name,
  date,
  changes: z.array(text).min(1, atLeastOne("change")),
});

export const scalePointSchema = z.strictObject({
  value: z.int(),
  label: name,
  meaning: prose,
  /** The rating every level expects unless the level says otherwise; at most one point. */
  target: z.boolean().optional(),
});

/** A scale for calibration's overall ratings, when the ladder's own scale is not the one a session uses. */
export const calibrationScaleSchema = z.strictObject({
  id,
  name,
  description: prose.optional(),
  points: z
    .array(z.strictObject({ value: z.int(), label: name, meaning: prose }))
    .min(2, { error: "a calibration scale needs at least two points" })
    .max(6, { error: "a calibration scale has at most six points, so that a rating stays a judgement people can agree on" }),
});

export const areaSchema = z.strictObject({
  id,
  name,
  description: prose.optional(),
});

export const interviewQuestionSchema = z.strictObject({
  text,
  /** Absent means the question suits every level. */
  levels: z.array(id).min(1, { error: "list at least one level, or leave `levels` out if the question suits every level" }).optional(),
  followUps: z.array(text).optional(),
  lookFor: z.array(text).optional(),
});

const anchorKey = z.string().regex(/^-?\d+$/, {
  error: (issue) => `anchor "${String(issue.input)}" must be a scale value (a whole number)`,
});

export const interviewSchema = z.strictObject({
  questions: z.array(interviewQuestionSchema).min(1, atLeastOne("question")),
  anchors: z.record(anchorKey, text),
});

export const competencySchema = z.strictObject({
  id,
  name,
  area: id,
  description: prose.optional(),
  /** Absent means every track uses the competency. */
  tracks: z
    .array(id)
    .min(1, { error: "list at least one track, or leave `tracks` out to share the competency with every track" })
    .optional(),
  interview: interviewSchema.optional(),
  /** References that explain the competency further, shown as links. */
  links: links.optional(),
  /**
   * Where the competency applies, by level: `from` its first level and/or `upTo` its last,
   * one level id per track at most (a track not named uses it at every level).
   */
  applies: z
    .strictObject({ from: oneOrMany(id).optional(), upTo: oneOrMany(id).optional() })
    .refine((applies) => applies.from !== undefined || applies.upTo !== undefined, { error: "give `from`, `upTo` or both, or leave `applies` out" })
    .optional(),
});

/**
 * Shorthand `- Writes tests.` and the full `- text: ... examples: [...]` load the same. The full
 * form may carry a stable statement `id`, kept across versions so a rewording shows as one,
 * and `links` to references.
 */
export const expectationSchema = z
  .union([text, z.strictObject({ id: statementId.optional(), text, examples: z.array(text).optional(), links: links.optional() })])
  .transform((value) =>
    typeof value === "string"
      ? { text: value, examples: [] }
      : {
          ...(value.id === undefined ? {} : { id: value.id }),
          text: value.text,
          examples: value.examples ?? [],
          ...(value.links === undefined ? {} : { links: value.links }),
        },
  );

/** A sub-level's id: unique within its level, such as "a" or "1-1" (digits may lead). */
export const SUBLEVEL_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const sublevelSchema = z.strictObject({
  id: z.string().regex(SUBLEVEL_ID_PATTERN, {
    error: (issue) => `"${String(issue.input)}" is not a valid sub-level id; use lowercase letters and digits, words joined by single dashes (e.g. "a" or "1-1")`,
  }),
  title: name,
  summary: prose.optional(),
});

/** Ordered sub-levels of a level (Monzo's A to E, Snowflake's 1.1 to 1.3); ids unique within the level. */
const sublevels = z
  .array(sublevelSchema)
  .min(1, { error: "list at least one sub-level, or leave `sublevels` out" })
  .superRefine((list, context) => {
    const first = new Map<string, number>();
    list.forEach((sublevel, index) => {
      const earlier = first.get(sublevel.id);
      if (earlier === undefined) first.set(sublevel.id, index);
      else context.addIssue({ code: "custom", path: [index, "id"], message: `sub-level id "${sublevel.id}" is already used by sublevels[${earlier}]; ids are unique within a level` });
    });
  });

export const levelSchema = z.strictObject({
  id,
  title: name,
  /** Other titles the same level goes by, such as a management title beside the IC one. */
  alsoTitled: z
    .union([name, z.array(name).min(1, { error: "list at least one title, or leave `alsoTitled` out" })])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  summary: prose.optional(),
  /** Ordered steps within the level that people may be placed at. */
  sublevels: sublevels.optional(),
  /** The rating this level expects of every competency, unless `targets` names one. */
  target: z.int().optional(),
  /** The rating this level expects, per competency. */
  targets: z.record(id, z.int()).optional(),
  expectations: z.record(id, z.array(expectationSchema).min(1, atLeastOne("expectation"))),
});

export const trackSchema = z.strictObject({
  id,
  name,
  description: prose.optional(),
  /**
   * The level of another track after which this track splits off: the levels up to and
   * including it are shared (not copied), and this track's own levels follow it. A level id, or
   * `{ track, level }` to name the track too (needed when the id is also a track's).
   */
  branchesFrom: z.union([id, z.strictObject({ track: id, level: id })]).optional(),
  levels: z.array(levelSchema).min(1, { error: "a track needs at least one level" }),
});

export const equivalenceRowSchema = z
  .record(id, id)
  .refine((row) => Object.keys(row).length > 0, { error: "an equivalence row needs at least one `track: level` pair" });

const points = z.number().min(0, { error: "points are zero or more" });

/**
 * Points-based progression (Medium's Snowflake): each rating is worth points, the total of a
 * person's ratings falls in a band, and each track titles ranges of the total.
 */
export const pointsSchema = z.strictObject({
  /** Scale value -> the points a rating of that value is worth. */
  perRating: z.record(anchorKey, points),
  /** Bands of total points, ascending by `from`; a total is in the last band it reaches. */
  bands: z.array(z.strictObject({ label: name, from: points })).min(1, atLeastOne("band")),
  /** Track id -> titles over ranges of total points; ranges of different tracks may overlap. */
  titles: z.record(id, z.array(z.strictObject({ title: name, from: points, upTo: points.optional() })).min(1, atLeastOne("title"))).optional(),
});

/**
 * A shared folder or file a ladder inherits topics from, relative to the frameworks folder:
 * `/`-separated parts of letters, digits, dots, dashes and underscores, none starting with a
 * dot, so neither `..` nor a hidden folder can be named.
 */
export const INCLUDE_PATH_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

const includePath = z.string().regex(INCLUDE_PATH_PATTERN, {
  error: (issue) =>
    `"${String(issue.input)}" is not an include path; name a folder or .yaml file relative to the frameworks folder, such as "shared/generic" (no leading "/", no "..")`,
});

/** What a shared source calls itself: pages mark what a ladder inherits from it "from <name>". */
export const sharedMetaSchema = z.strictObject({
  name,
  description: prose.optional(),
});

/** A shared source's expectations: level id (of the including ladder) -> competency id -> expectations. */
export const sharedExpectationsSchema = z.record(id, z.record(id, z.array(expectationSchema).min(1, atLeastOne("expectation"))));

export const ladderFileSchema = z.strictObject({
  ladder: ladderMetaSchema.optional(),
  changelog: z.array(changelogEntrySchema).optional(),
  scale: z.array(scalePointSchema).min(1, atLeastOne("scale point")).optional(),
  areas: z.array(areaSchema).optional(),
  competencies: z.array(competencySchema).optional(),
  tracks: z.array(trackSchema).optional(),
  equivalence: z.array(equivalenceRowSchema).optional(),
  calibrationScales: z.array(calibrationScaleSchema).min(1, atLeastOne("calibration scale")).optional(),
  /** Shared folders or files (or other ladders) whose areas, competencies and expectations this ladder inherits. */
  include: z.array(includePath).min(1, { error: "list at least one folder or file to include, or leave `include` out" }).optional(),
  /** Only in a shared source: its name and description. */
  shared: sharedMetaSchema.optional(),
  /** Only in a shared source: expectations by level id, then competency id. */
  expectations: sharedExpectationsSchema.optional(),
  /** Levels from points: what each rating is worth, bands of the total, and titles per track. */
  points: pointsSchema.optional(),
});

export type LadderFile = z.output<typeof ladderFileSchema>;
export type LadderMetaData = z.output<typeof ladderMetaSchema>;
export type ChangelogEntryData = z.output<typeof changelogEntrySchema>;
export type ScalePointData = z.output<typeof scalePointSchema>;
export type CalibrationScaleData = z.output<typeof calibrationScaleSchema>;
export type AreaData = z.output<typeof areaSchema>;
export type LinkData = z.output<typeof linkSchema>;
export type CompetencyData = z.output<typeof competencySchema>;
export type InterviewData = z.output<typeof interviewSchema>;
export type LevelData = z.output<typeof levelSchema>;
export type TrackData = z.output<typeof trackSchema>;
export type EquivalenceRowData = z.output<typeof equivalenceRowSchema>;
export type ExpectationData = z.output<typeof expectationSchema>;
export type SharedMetaData = z.output<typeof sharedMetaSchema>;
export type PointsData = z.output<typeof pointsSchema>;

/** Sections whose lists from several files are concatenated; the others live in one file. */
export const LIST_SECTIONS = ["areas", "competencies", "tracks"] as const;
export const SINGULAR_SECTIONS = ["ladder", "changelog", "scale", "equivalence", "calibrationScales", "include", "shared", "expectations", "points"] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
export type SingularSection = (typeof SINGULAR_SECTIONS)[number];

export const listItemSchemas = {
  areas: areaSchema,
  competencies: competencySchema,
  tracks: trackSchema,
} as const;
