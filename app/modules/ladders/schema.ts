import { z } from "zod";
import { messageText } from "~/i18n/messages";
import { check, type CheckValues } from "./check-messages";

/**
 * The content of one ladder file, exactly as docs/ladders.md describes it. Every check carries
 * its own message because authors read these, not developers.
 */

/** A rule's message as zod carries it (text): a key with its values, worded where the finding is shown (schema-issues.ts). */
function rule(key: string, values?: CheckValues): string {
  return messageText(check(`rules.${key}`, values));
}

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The longest text each kind of field may hold, in characters (docs/ladders.md, "Text and Markdown"). */
export const TEXT_LIMITS = { name: 120, statement: 1000, description: 3000 } as const;

/**
 * Text with a length limit. The limit is metadata, not a check: it came in after ladders were in
 * use, so longer text is a warning (check-text-length.ts), and editors see it as `maxLength`.
 */
function textUpTo(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: rule("empty") })
    .meta({ maxLength: max });
}
/** Names, titles, labels and versions. */
const name = textUpTo(TEXT_LIMITS.name);
/** One statement: an expectation, an example, a question, a follow-up, an anchor, a change. */
const text = textUpTo(TEXT_LIMITS.statement);
/** Descriptions, summaries and meanings. */
const prose = textUpTo(TEXT_LIMITS.description);

const id = z.string().regex(ID_PATTERN, {
  error: (issue) => rule("id", { value: String(issue.input) }),
});

/**
 * A statement (full-form expectation) id: ids from real ladders are kept as they are, such as
 * the FT's UUIDs, which may start with a digit; other ids stay kebab-case.
 */
export const STATEMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const STATEMENT_ID_MAX = 100;

const statementId = z
  .string()
  .max(STATEMENT_ID_MAX, {
    error: (issue) =>
      rule("statementIdLength", { length: (issue.input as string).length, max: STATEMENT_ID_MAX }),
  })
  .regex(STATEMENT_ID_PATTERN, {
    error: (issue) => rule("statementId", { value: String(issue.input) }),
  });

const webAddress = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/i, {
    error: (issue) => rule("webAddress", { value: String(issue.input) }),
  })
  .refine(isWebAddress, { error: (issue) => rule("webAddress", { value: String(issue.input) }) });

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

const links = z.array(linkSchema).min(1, { error: rule("links") });

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (issue) => rule("dateForm", { value: String(issue.input) }),
  })
  .refine(isCalendarDate, {
    error: (issue) => rule("calendarDate", { value: String(issue.input) }),
  });

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const atLeastOne = (
  what:
    "change" | "question" | "expectation" | "band" | "title" | "scalePoint" | "calibrationScale",
) => ({ error: rule("atLeastOne", { what }) });

/** `from: ic4` and `from: [ic4, tl2]` load the same: a list. */
function oneOrMany<T extends z.ZodType<string>>(item: T) {
  return z
    .union([item, z.array(item).min(1, { error: rule("atLeastOneLevel") })])
    .transform((value) => (Array.isArray(value) ? value : [value]));
}

/** A file of the source a ladder was made from, relative to the source's top folder: never a path on someone's machine. */
const sourceFile = z
  .string()
  .refine(
    (path) =>
      path !== "" &&
      !path.startsWith("/") &&
      !path.includes("\\") &&
      path.split("/").every((part) => part !== "" && part !== ".." && part !== "."),
    {
      error: (issue) => rule("sourceFile", { value: String(issue.input) }),
    },
  );

/**
 * Where a ladder was made from (npm run ladders:import writes it): metadata, not text people
 * read. Pages link `url` (where the source is public) under `name`; `files` are for whoever
 * edits the ladder.
 */
export const ladderSourceSchema = z.strictObject({
  name,
  url: webAddress.optional(),
  files: z
    .array(sourceFile)
    .min(1, { error: rule("files") })
    .optional(),
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
    .min(2, { error: rule("calibrationTooFew") })
    .max(6, { error: rule("calibrationTooMany") }),
});

export const areaSchema = z.strictObject({
  id,
  name,
  description: prose.optional(),
});

export const interviewQuestionSchema = z.strictObject({
  text,
  /** Absent means the question suits every level. */
  levels: z
    .array(id)
    .min(1, { error: rule("questionLevels") })
    .optional(),
  followUps: z.array(text).optional(),
  lookFor: z.array(text).optional(),
});

const anchorKey = z.string().regex(/^-?\d+$/, {
  error: (issue) => rule("anchor", { value: String(issue.input) }),
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
    .min(1, { error: rule("tracks") })
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
    .refine((applies) => applies.from !== undefined || applies.upTo !== undefined, {
      error: rule("applies"),
    })
    .optional(),
});

/**
 * Shorthand `- Writes tests.` and the full `- text: ... examples: [...]` load the same. The full
 * form may carry a stable statement `id`, kept across versions so a rewording shows as one,
 * and `links` to references.
 */
export const expectationSchema = z
  .union([
    text,
    z.strictObject({
      id: statementId.optional(),
      text,
      examples: z.array(text).optional(),
      links: links.optional(),
    }),
  ])
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
    error: (issue) => rule("sublevelId", { value: String(issue.input) }),
  }),
  title: name,
  summary: prose.optional(),
});

/** Ordered sub-levels of a level (Monzo's A to E, Snowflake's 1.1 to 1.3); ids unique within the level. */
const sublevels = z
  .array(sublevelSchema)
  .min(1, { error: rule("sublevels") })
  .superRefine((list, context) => {
    const first = new Map<string, number>();
    list.forEach((sublevel, index) => {
      const earlier = first.get(sublevel.id);
      if (earlier === undefined) first.set(sublevel.id, index);
      else
        context.addIssue({
          code: "custom",
          path: [index, "id"],
          message: rule("sublevelTwice", { id: sublevel.id, index: earlier }),
        });
    });
  });

export const levelSchema = z.strictObject({
  id,
  title: name,
  /** Other titles the same level goes by, such as a management title beside the IC one. */
  alsoTitled: z
    .union([name, z.array(name).min(1, { error: rule("alsoTitled") })])
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
  levels: z.array(levelSchema).min(1, { error: rule("trackLevels") }),
});

export const equivalenceRowSchema = z
  .record(id, id)
  .refine((row) => Object.keys(row).length > 0, { error: rule("equivalenceRow") });

const points = z.number().min(0, { error: rule("points") });

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
  titles: z
    .record(
      id,
      z
        .array(z.strictObject({ title: name, from: points, upTo: points.optional() }))
        .min(1, atLeastOne("title")),
    )
    .optional(),
});

/**
 * A shared folder or file a ladder inherits topics from, relative to the frameworks folder:
 * `/`-separated parts of letters, digits, dots, dashes and underscores, none starting with a
 * dot, so neither `..` nor a hidden folder can be named.
 */
export const INCLUDE_PATH_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

const includePath = z.string().regex(INCLUDE_PATH_PATTERN, {
  error: (issue) => rule("includePath", { value: String(issue.input) }),
});

/** What a shared source calls itself: pages mark what a ladder inherits from it "from <name>". */
export const sharedMetaSchema = z.strictObject({
  name,
  description: prose.optional(),
});

/** A shared source's expectations: level id (of the including ladder) -> competency id -> expectations. */
export const sharedExpectationsSchema = z.record(
  id,
  z.record(id, z.array(expectationSchema).min(1, atLeastOne("expectation"))),
);

export const ladderFileSchema = z.strictObject({
  ladder: ladderMetaSchema.optional(),
  changelog: z.array(changelogEntrySchema).optional(),
  scale: z.array(scalePointSchema).min(1, atLeastOne("scalePoint")).optional(),
  areas: z.array(areaSchema).optional(),
  competencies: z.array(competencySchema).optional(),
  tracks: z.array(trackSchema).optional(),
  equivalence: z.array(equivalenceRowSchema).optional(),
  calibrationScales: z
    .array(calibrationScaleSchema)
    .min(1, atLeastOne("calibrationScale"))
    .optional(),
  /** Shared folders or files (or other ladders) whose areas, competencies and expectations this ladder inherits. */
  include: z
    .array(includePath)
    .min(1, { error: rule("include") })
    .optional(),
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
export const SINGULAR_SECTIONS = [
  "ladder",
  "changelog",
  "scale",
  "equivalence",
  "calibrationScales",
  "include",
  "shared",
  "expectations",
  "points",
] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
export type SingularSection = (typeof SINGULAR_SECTIONS)[number];

export const listItemSchemas = {
  areas: areaSchema,
  competencies: competencySchema,
  tracks: trackSchema,
} as const;
