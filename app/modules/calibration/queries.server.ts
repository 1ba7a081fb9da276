import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlInt } from "~/db/rows";
import { managerChain } from "~/modules/people/reporting-line.server";
import { readRows, readRowsIn } from "~/db/reads.server";

const reviewRow = z.object({ id: z.string(), subjectId: z.string(), kind: z.string(), average: z.union([z.number(), z.string(), z.null()]).transform((value) => (value === null ? null : Number(value))), rated: sqlInt, evidence: sqlInt });

/**
 * The submitted self-assessments and manager reviews in the cycle of everyone in the session:
 * average rating, competencies rated, pieces of evidence. One aggregate statement, however
 * many people the session holds. Raw: Prisma's aggregates do not reach across relations.
 */
export async function sessionReviewFigures(sessionId: string, cycleId: string, client: Pick<typeof db, "$queryRaw"> = db) {
  return parseRows(reviewRow, await readRowsIn(client, Prisma.sql`
    SELECT a.id, a."subjectId", a.kind,
      CAST(AVG(r.rating) AS DOUBLE PRECISION) AS average,
      COUNT(r.rating) AS rated,
      CAST(COALESCE(SUM((SELECT COUNT(*) FROM "RatingEvidence" e WHERE e."ratingId" = r.id)), 0) AS INTEGER) AS evidence
    FROM "Assessment" a
    JOIN "CalibrationEntry" ce ON ce."personId" = a."subjectId" AND ce."sessionId" = ${sessionId}
    LEFT JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a."cycleId" = ${cycleId} AND a.status = 'submitted'
    GROUP BY a.id, a."subjectId", a.kind`));
}

const nullableInt = sqlInt.nullable();
const nullableNumber = z.union([z.number(), z.string()]).transform((value) => Number(value)).nullable();
const entryRow = z.object({
  id: z.string(),
  personId: z.string(),
  managerId: z.string().nullable(),
  trackId: z.string().nullable(),
  levelId: z.string().nullable(),
  proposedRating: nullableInt,
  proposedOutcome: z.string().nullable(),
  proposedLevelId: z.string().nullable(),
  proposedSecond: nullableInt,
  finalRating: nullableInt,
  finalOutcome: z.string().nullable(),
  finalLevelId: z.string().nullable(),
  finalSecond: nullableInt,
  released: sqlBool,
  revision: sqlInt,
  selfAssessmentId: z.string().nullable(),
  managerReviewId: z.string().nullable(),
  selfAverage: nullableNumber,
  managerAverage: nullableNumber,
  ratedCount: sqlInt,
  evidenceCount: sqlInt,
  personName: z.string(),
  /** The person's sub-level, while they are still at the entry's level. */
  sublevel: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  managerName: z.string().nullable(),
});

/**
 * Every entry of a session with the person's name and team and the manager's name: one statement
 * for the session page. Raw: Prisma's nested select reads one statement per relation on SQLite.
 */
export async function sessionEntries(sessionId: string) {
  const rows = parseRows(entryRow, await readRows`
    SELECT e.id, e."personId", e."managerId", e."trackId", e."levelId", e."proposedRating", e."proposedOutcome", e."proposedLevelId", e."proposedSecond",
      e."finalRating", e."finalOutcome", e."finalLevelId", e."finalSecond", e.released, e.revision, e."selfAssessmentId", e."managerReviewId", e."selfAverage",
      e."managerAverage", e."ratedCount", e."evidenceCount", p.name AS "personName",
      CASE WHEN p.level = e."levelId" THEN p.sublevel END AS "sublevel", t.id AS "teamId", t.name AS "teamName", m.name AS "managerName"
    FROM "CalibrationEntry" e
    JOIN "User" p ON p.id = e."personId"
    LEFT JOIN "Team" t ON t.id = p."teamId"
    LEFT JOIN "User" m ON m.id = e."managerId"
    WHERE e."sessionId" = ${sessionId}`);
  return rows.map(({ personName, teamId, teamName, managerName, ...entry }) => ({
    ...entry,
    person: { name: personName, team: teamId ? { id: teamId, name: teamName ?? "" } : null },
    manager: managerName === null ? null : { name: managerName },
  }));
}

/**
 * Does the viewer calibrate the person in that cycle: facilitate or calibrate a session past its
 * draft in which the person has an entry, and the person is not one of the viewer's managers up the
 * line (whom the viewer is calibrated beside, policy's canOpenEntry)? Calibrators read the person's
 * submitted reviews, as the pre-read and the discussion need (assessments/policy.ts).
 */
export async function calibratesPersonInCycle(viewerId: string, personId: string, cycleId: string): Promise<boolean> {
  const found = await db.calibrationEntry.findFirst({
    where: {
      personId,
      session: { cycleId, state: { not: "draft" }, OR: [{ facilitatorId: viewerId }, { calibrators: { some: { userId: viewerId } } }] },
    },
    select: { id: true },
  });
  return found !== null && !(await managerChain(viewerId)).includes(personId);
}

/**
 * The person's promotions applied through calibration, oldest first: when (the later of the session's
 * effective day and the release of the outcome to the person), from and to which level, and the
 * session that decided it.
 */
export async function appliedPromotions(personId: string) {
  const events = await db.calibrationEvent.findMany({
    where: { kind: "apply", reason: null, entry: { personId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, change: true, sessionId: true, entryId: true },
  });
  // Most people were never promoted through calibration: their history page asks one question.
  if (!events.length) return [];
  const entryIds = [...new Set(events.flatMap((event) => (event.entryId ? [event.entryId] : [])))];
  const [sessions, releases] = await Promise.all([
    db.calibrationSession.findMany({ where: { id: { in: [...new Set(events.map((event) => event.sessionId))] } }, select: { id: true, name: true, ladderVersionId: true, promotionsEffectiveOn: true } }),
    db.calibrationEvent.findMany({ where: { kind: "release", entryId: { in: entryIds } }, select: { entryId: true, createdAt: true } }),
  ]);
  return events.flatMap((event) => {
    const level = (JSON.parse(event.change) as { level?: [string | null, string | null] }).level;
    const session = sessions.find((candidate) => candidate.id === event.sessionId);
    if (!level || level[0] === level[1] || !session) return [];
    const released = releases.find((release) => release.entryId === event.entryId)?.createdAt;
    const effective = session.promotionsEffectiveOn ?? event.createdAt;
    const on = released && released > effective ? released : effective;
    return [{ on, fromLevelId: level[0], toLevelId: level[1], ladderVersionId: session.ladderVersionId, sessionName: session.name }];
  });
}
