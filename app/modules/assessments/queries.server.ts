import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { releasedToPersonSql } from "~/modules/calibration/queries.server";
import type { EvidenceItem } from "./assessment-view";
import { ASSESSMENT_KINDS, ASSESSMENT_STATUSES } from "./policy";
import { readRows } from "~/db/reads.server";

/** The assessment page's SQL, each row parsed once into a typed object. */

/**
 * A submitted assessment (aliased `alias`) that its own subject may read: their self-assessments,
 * and a manager review once they have submitted their own self-assessment in the same cycle (or,
 * outside cycles, any of theirs outside one) and the cycle shares reviews with them by `now` (on
 * its day, or once their calibration outcome is released to them). policy.ts's canReadAssessment
 * and managerReviewShared, for statements that show a person figures drawn from their own reviews
 * (mentorship).
 */
export function readableBySubjectSql(alias: string, now: Date): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}.kind = 'self' OR (EXISTS (
    SELECT 1 FROM "Assessment" own WHERE own."subjectId" = ${a}."subjectId" AND own.kind = 'self' AND own.status = 'submitted'
      AND (own."cycleId" = ${a}."cycleId" OR (own."cycleId" IS NULL AND ${a}."cycleId" IS NULL)))
    AND (${a}."cycleId" IS NULL OR EXISTS (
      SELECT 1 FROM "ReviewCycle" shared WHERE shared.id = ${a}."cycleId" AND (shared."reviewsShared" = 'when-both-submitted'
        OR (shared."reviewsShared" = 'on-date' AND shared."reviewsSharedOn" <= ${now})
        OR (shared."reviewsShared" = 'after-release' AND EXISTS (
          SELECT 1 FROM "CalibrationEntry" released JOIN "CalibrationSession" cs ON cs.id = released."sessionId"
          WHERE released."personId" = ${a}."subjectId" AND cs."cycleId" = ${a}."cycleId" AND ${releasedToPersonSql("released", "cs")})))))))`;
}

const pageRow = z.object({
  id: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  status: z.enum(ASSESSMENT_STATUSES),
  subjectId: z.string(),
  authorId: z.string(),
  cycleId: z.string().nullable(),
  ladderVersionId: z.string(),
  trackId: z.string(),
  levelId: z.string(),
  summary: z.string(),
  revision: sqlInt,
  submittedAt: sqlDate.nullable(),
  createdAt: sqlDate,
  updatedAt: sqlDate,
  subjectName: z.string(),
  authorName: z.string(),
  cycleName: z.string().nullable(),
  cycleClosedAt: sqlDate.nullable(),
});

const pageRatingRow = z.object({
  competencyId: z.string(),
  rating: sqlInt.nullable(),
  notes: z.string(),
  // Both databases' adapters hand JSON columns over as parsed values; readMarks keeps only known
  // marks, so it is not checked twice here (as growth/queries.server.ts says).
  nextLevelMarks: z.unknown(),
  evidenceId: z.string().nullable(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  occurredOn: sqlDate.nullable(),
});

export type PageRating = {
  competencyId: string;
  rating: number | null;
  notes: string;
  nextLevelMarks: unknown;
  evidence: EvidenceItem[];
};

export type AssessmentPageRow = z.output<typeof pageRow> & { ratings: PageRating[] };

/**
 * The assessment with its subject's, author's and cycle's names, and its ratings with
 * their evidence (newest first): two statements, where Prisma's nested select takes one
 * per relation. The draft page is opened (and revalidated after every evidence change)
 * more than any other. Null when there is no such assessment.
 */
export async function assessmentWithRatings(
  assessmentId: string,
): Promise<AssessmentPageRow | null> {
  const [found, foundRatings] = await Promise.all([
    readRows`
      SELECT a.id, a.kind, a.status, a."subjectId", a."authorId", a."cycleId", a."ladderVersionId", a."trackId", a."levelId", a.summary,
        a.revision, a."submittedAt", a."createdAt", a."updatedAt", s.name AS "subjectName", w.name AS "authorName",
        c.name AS "cycleName", c."closedAt" AS "cycleClosedAt"
      FROM "Assessment" a
      JOIN "User" s ON s.id = a."subjectId"
      JOIN "User" w ON w.id = a."authorId"
      LEFT JOIN "ReviewCycle" c ON c.id = a."cycleId"
      WHERE a.id = ${assessmentId}`,
    readRows`
      SELECT r."competencyId", r.rating, r.notes, r."nextLevelMarks", e.id AS "evidenceId", e.text, e.url, e."occurredOn"
      FROM "AssessmentRating" r
      LEFT JOIN "RatingEvidence" e ON e."ratingId" = r.id
      WHERE r."assessmentId" = ${assessmentId}
      ORDER BY r."competencyId", e."occurredOn" DESC, e."createdAt" ASC`,
  ]);
  const [row] = parseRows(pageRow, found);
  if (!row) return null;
  const ratings = new Map<string, PageRating>();
  for (const {
    competencyId,
    rating,
    notes,
    nextLevelMarks,
    evidenceId,
    text,
    url,
    occurredOn,
  } of parseRows(pageRatingRow, foundRatings)) {
    let entry = ratings.get(competencyId);
    if (!entry)
      ratings.set(
        competencyId,
        (entry = { competencyId, rating, notes, nextLevelMarks, evidence: [] }),
      );
    if (evidenceId !== null)
      entry.evidence.push({ id: evidenceId, text: text ?? "", url, occurredOn });
  }
  return { ...row, ratings: [...ratings.values()] };
}
