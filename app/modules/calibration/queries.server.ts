import { z } from "zod";
import { db } from "~/db/client.server";
import { parseRows, sqlInt } from "~/db/rows";
import { isSessionState, nextState, SESSION_STATE_LABELS } from "./session-state";

const proposalRow = z.object({ id: z.string(), name: z.string(), total: sqlInt, missing: sqlInt });

/** For the home page: sessions where the person must propose for reports, and sessions they facilitate that are not finished. */
export async function calibrationTodo(personId: string) {
  const [proposals, facilitated] = await Promise.all([
    db.$queryRaw`
      SELECT s.id, s.name, COUNT(*) AS total, SUM(CASE WHEN e."proposedRating" IS NULL THEN 1 ELSE 0 END) AS missing
      FROM "CalibrationEntry" e
      JOIN "CalibrationSession" s ON s.id = e."sessionId"
      JOIN "CalibrationCalibrator" c ON c."sessionId" = s.id AND c."userId" = e."managerId"
      WHERE e."managerId" = ${personId} AND s.state IN ('proposals', 'preread')
      GROUP BY s.id, s.name
      ORDER BY s.name`,
    db.calibrationSession.findMany({ where: { facilitatorId: personId, state: { not: "published" } }, select: { id: true, name: true, state: true, blindPreRead: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const groups = parseRows(proposalRow, proposals as unknown[]);
  return {
    proposalsToMake: groups.filter((group) => group.missing > 0).map(({ id, name, total, missing }) => ({ session: { id, name }, total, missing })),
    sessionsToRun: facilitated.flatMap((session) => {
      if (!isSessionState(session.state)) return [];
      const next = nextState(session.state, { blindPreRead: session.blindPreRead });
      return [{ session: { id: session.id, name: session.name }, stateLabel: SESSION_STATE_LABELS[session.state], nextLabel: next ? SESSION_STATE_LABELS[next] : null }];
    }),
  };
}

const reviewRow = z.object({ id: z.string(), subjectId: z.string(), kind: z.string(), average: z.union([z.number(), z.string(), z.null()]).transform((value) => (value === null ? null : Number(value))), rated: sqlInt, evidence: sqlInt });

/**
 * The submitted self-assessments and manager reviews in the cycle of everyone in the session:
 * average rating, competencies rated, pieces of evidence. One aggregate statement, however
 * many people the session holds.
 */
export async function sessionReviewFigures(sessionId: string, cycleId: string) {
  return parseRows(reviewRow, await db.$queryRaw`
    SELECT a.id, a."subjectId", a.kind,
      AVG(r.rating) AS average,
      COUNT(r.rating) AS rated,
      COALESCE(SUM((SELECT COUNT(*) FROM "RatingEvidence" e WHERE e."ratingId" = r.id)), 0) AS evidence
    FROM "Assessment" a
    JOIN "CalibrationEntry" ce ON ce."personId" = a."subjectId" AND ce."sessionId" = ${sessionId}
    LEFT JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a."cycleId" = ${cycleId} AND a.status = 'submitted'
    GROUP BY a.id, a."subjectId", a.kind`);
}
