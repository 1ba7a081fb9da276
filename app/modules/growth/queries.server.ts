import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { ASSESSMENT_KINDS, ASSESSMENT_STATUSES } from "~/modules/assessments/policy";
import { readRows } from "~/db/reads.server";

/**
 * The growth pages' reads, each one statement: Prisma's API where a single table is read, flat raw
 * SQL (each row parsed once into a typed object) where Prisma's nested select would take one
 * statement per relation or cannot count evidence per rating.
 */

const assessmentRow = z.object({
  id: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  subjectId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  cycleId: z.string().nullable(),
  cycleName: z.string().nullable(),
  cycleStartsOn: sqlDate.nullable(),
  reviewsShared: z.string().nullable(),
  reviewsSharedOn: sqlDate.nullable(),
  ladderVersionId: z.string(),
  trackId: z.string(),
  levelId: z.string(),
  summary: z.string(),
  submittedAt: sqlDate.nullable(),
  updatedAt: sqlDate,
});
export type ProfileAssessment = z.output<typeof assessmentRow>;

/** Every assessment about the person, drafts included, with its author's and cycle's names; newest first. */
export async function assessmentsAbout(personId: string): Promise<ProfileAssessment[]> {
  return parseRows(
    assessmentRow,
    await readRows`
    SELECT a.id, a.kind, a.status, a."subjectId", a."authorId", w.name AS "authorName", a."cycleId", c.name AS "cycleName",
      c."startsOn" AS "cycleStartsOn", c."reviewsShared", c."reviewsSharedOn", a."ladderVersionId", a."trackId", a."levelId", a.summary, a."submittedAt", a."updatedAt"
    FROM "Assessment" a
    JOIN "User" w ON w.id = a."authorId"
    LEFT JOIN "ReviewCycle" c ON c.id = a."cycleId"
    WHERE a."subjectId" = ${personId}
    ORDER BY a."submittedAt" DESC, a."updatedAt" DESC`,
  );
}

export type EvidenceView = {
  id: string;
  text: string;
  url: string | null;
  occurredOn: Date | null;
};

/** One competency's rating in an assessment, with its evidence counted and (for printing) listed. */
export type RatingRow = {
  assessmentId: string;
  competencyId: string;
  rating: number | null;
  notes: string;
  /** Read with `readMarks` (app/modules/assessments/draft.ts), which keeps only known marks. */
  nextLevelMarks: unknown;
  evidenceCount: number;
  evidence: EvidenceView[];
};

const ratingColumns = {
  assessmentId: z.string(),
  competencyId: z.string(),
  rating: sqlInt.nullable(),
  notes: z.string(),
  // Both databases' adapters hand JSON columns over as parsed values. Whoever reads the marks
  // keeps only known ones (readMarks), so checking here that the value is JSON would be done
  // twice: z.json() walked every value of every row, a third of a person's history's read.
  nextLevelMarks: z.unknown(),
};

/** The ratings of these assessments without their evidence (counted as 0): one statement. */
export async function ratingsOf(assessmentIds: readonly string[]): Promise<RatingRow[]> {
  if (!assessmentIds.length) return [];
  const rows = await db.assessmentRating.findMany({
    where: { assessmentId: { in: [...assessmentIds] } },
    select: {
      assessmentId: true,
      competencyId: true,
      rating: true,
      notes: true,
      nextLevelMarks: true,
    },
  });
  return rows.map((row) => ({ ...row, evidenceCount: 0, evidence: [] }));
}

const countedRatingRow = z.object({ ...ratingColumns, evidenceCount: sqlInt });

/**
 * The ratings of these assessments with their evidence counted: an index lookup per
 * rating, where Prisma's `_count` aggregates the whole evidence table.
 */
export async function ratingsWithEvidenceCount(
  assessmentIds: readonly string[],
): Promise<RatingRow[]> {
  const rows = parseRows(
    countedRatingRow,
    await readRows`
    SELECT r."assessmentId", r."competencyId", r.rating, r.notes, r."nextLevelMarks",
      (SELECT COUNT(*) FROM "RatingEvidence" e WHERE e."ratingId" = r.id) AS "evidenceCount"
    FROM "AssessmentRating" r
    WHERE r."assessmentId" IN (${Prisma.join(assessmentIds)})`,
  );
  return rows.map((row) => ({ ...row, evidence: [] }));
}

const ratingEvidenceRow = z.object({
  ...ratingColumns,
  evidenceId: z.string().nullable(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  occurredOn: sqlDate.nullable(),
});

/** The ratings of these assessments with their evidence listed, oldest first: one row per piece of evidence, grouped here. */
export async function ratingsWithEvidence(assessmentIds: readonly string[]): Promise<RatingRow[]> {
  const rows = parseRows(
    ratingEvidenceRow,
    await readRows`
    SELECT r."assessmentId", r."competencyId", r.rating, r.notes, r."nextLevelMarks", e.id AS "evidenceId", e.text, e.url, e."occurredOn"
    FROM "AssessmentRating" r
    LEFT JOIN "RatingEvidence" e ON e."ratingId" = r.id
    WHERE r."assessmentId" IN (${Prisma.join(assessmentIds)})
    ORDER BY r."assessmentId", r."competencyId", e."occurredOn" ASC, e."createdAt" ASC`,
  );
  const ratings: RatingRow[] = [];
  let current: RatingRow | undefined;
  for (const { evidenceId, text, url, occurredOn, ...rating } of rows) {
    if (
      !current ||
      current.assessmentId !== rating.assessmentId ||
      current.competencyId !== rating.competencyId
    ) {
      current = { ...rating, evidenceCount: 0, evidence: [] };
      ratings.push(current);
    }
    if (evidenceId !== null) {
      current.evidence.push({ id: evidenceId, text: text ?? "", url, occurredOn });
      current.evidenceCount += 1;
    }
  }
  return ratings;
}

const planRow = z.object({
  ladderVersionId: z.string(),
  targetLevelId: z.string(),
  updatedAt: sqlDate,
  competencyId: z.string().nullable(),
});

export type StoredGrowthPlan = {
  ladderVersionId: string;
  targetLevelId: string;
  updatedAt: Date;
  focus: string[];
};

/** The person's growth plan with its focus competencies in order, in one statement; null when there is none. */
export async function storedGrowthPlan(personId: string): Promise<StoredGrowthPlan | null> {
  const rows = parseRows(
    planRow,
    await readRows`
    SELECT p."ladderVersionId", p."targetLevelId", p."updatedAt", f."competencyId"
    FROM "GrowthPlan" p
    LEFT JOIN "GrowthFocus" f ON f."planId" = p.id
    WHERE p."personId" = ${personId}
    ORDER BY f.position`,
  );
  const [first] = rows;
  if (!first) return null;
  return {
    ladderVersionId: first.ladderVersionId,
    targetLevelId: first.targetLevelId,
    updatedAt: first.updatedAt,
    focus: rows.flatMap((row) => (row.competencyId === null ? [] : [row.competencyId])),
  };
}
