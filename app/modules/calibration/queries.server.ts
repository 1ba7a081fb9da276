import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { managerChain } from "~/modules/people/reporting-line.server";
import { readRows, readRowsIn } from "~/db/reads.server";
import { isReleasedToPerson } from "./policy";

const reviewRow = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  average: z
    .union([z.number(), z.string(), z.null()])
    .transform((value) => (value === null ? null : Number(value))),
  rated: sqlInt,
  evidence: sqlInt,
});

/**
 * The submitted self-assessments and manager reviews in the cycle of everyone in the session:
 * average rating, competencies rated, pieces of evidence. One aggregate statement, however
 * many people the session holds. Raw: Prisma's aggregates do not reach across relations.
 */
export async function sessionReviewFigures(
  sessionId: string,
  cycleId: string,
  client: Pick<typeof db, "$queryRaw"> = db,
) {
  return parseRows(
    reviewRow,
    await readRowsIn(
      client,
      Prisma.sql`
    SELECT a.id, a."subjectId", a.kind,
      CAST(AVG(r.rating) AS DOUBLE PRECISION) AS average,
      COUNT(r.rating) AS rated,
      CAST(COALESCE(SUM((SELECT COUNT(*) FROM "RatingEvidence" e WHERE e."ratingId" = r.id)), 0) AS INTEGER) AS evidence
    FROM "Assessment" a
    JOIN "CalibrationEntry" ce ON ce."personId" = a."subjectId" AND ce."sessionId" = ${sessionId}
    LEFT JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a."cycleId" = ${cycleId} AND a.status = 'submitted'
    GROUP BY a.id, a."subjectId", a.kind`,
    ),
  );
}

const nullableInt = sqlInt.nullable();
const nullableNumber = z
  .union([z.number(), z.string()])
  .transform((value) => Number(value))
  .nullable();
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
  const rows = parseRows(
    entryRow,
    await readRows`
    SELECT e.id, e."personId", e."managerId", e."trackId", e."levelId", e."proposedRating", e."proposedOutcome", e."proposedLevelId", e."proposedSecond",
      e."finalRating", e."finalOutcome", e."finalLevelId", e."finalSecond", e.released, e.revision, e."selfAssessmentId", e."managerReviewId", e."selfAverage",
      e."managerAverage", e."ratedCount", e."evidenceCount", p.name AS "personName",
      CASE WHEN p.level = e."levelId" THEN p.sublevel END AS "sublevel", t.id AS "teamId", t.name AS "teamName", m.name AS "managerName"
    FROM "CalibrationEntry" e
    JOIN "User" p ON p.id = e."personId"
    LEFT JOIN "Team" t ON t.id = p."teamId"
    LEFT JOIN "User" m ON m.id = e."managerId"
    WHERE e."sessionId" = ${sessionId}`,
  );
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
export async function calibratesPersonInCycle(
  viewerId: string,
  personId: string,
  cycleId: string,
): Promise<boolean> {
  const found = await db.calibrationEntry.findFirst({
    where: {
      personId,
      session: {
        cycleId,
        state: { not: "draft" },
        OR: [{ facilitatorId: viewerId }, { calibrators: { some: { userId: viewerId } } }],
      },
    },
    select: { id: true },
  });
  return found !== null && !(await managerChain(viewerId)).includes(personId);
}

/**
 * policy's isReleasedToPerson as a filter on calibration entries, with what else is asked of the
 * entry's session: for every module that reads released outcomes through Prisma. A test holds it,
 * and the SQL below, to the policy (test/integration/calibration/released-to-person.test.ts).
 */
export const releasedToPersonWhere = (session: Prisma.CalibrationSessionWhereInput = {}) =>
  ({
    released: true,
    session: { ...session, state: "published" },
  }) satisfies Prisma.CalibrationEntryWhereInput;

/** policy's isReleasedToPerson in SQL, over a calibration entry and its session by their aliases: for raw statements. */
export function releasedToPersonSql(entry: string, session: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(`"${entry}"`)}.released AND ${Prisma.raw(`"${session}"`)}.state = 'published')`;
}

/**
 * Of these cycles, those in which the person's outcome has been released to them: a published
 * session of the cycle, their entry released by their manager. What feedback and review sharing
 * both wait for.
 */
export async function cyclesWithOutcomeReleased(
  personId: string,
  cycleIds: readonly string[],
): Promise<Set<string>> {
  if (cycleIds.length === 0) return new Set();
  const entries = await db.calibrationEntry.findMany({
    where: { personId, ...releasedToPersonWhere({ cycleId: { in: [...cycleIds] } }) },
    select: { session: { select: { cycleId: true } } },
  });
  return new Set(entries.map((entry) => entry.session.cycleId));
}

/**
 * Where these people stand in calibration in these cycles, each as "cycleId/personId": calibrated,
 * an entry in a session of the cycle in any state (a session set up holds them for its outcome);
 * released, their outcome released to them (cyclesWithOutcomeReleased's rule). The entries and
 * their sessions: two statements however many people and cycles, one when there are no entries.
 */
export async function calibrationPlaces(
  personIds: readonly string[],
  cycleIds: readonly string[],
): Promise<{ calibrated: Set<string>; released: Set<string> }> {
  const places = { calibrated: new Set<string>(), released: new Set<string>() };
  if (!personIds.length || !cycleIds.length) return places;
  const entries = await db.calibrationEntry.findMany({
    where: { personId: { in: [...personIds] }, session: { cycleId: { in: [...cycleIds] } } },
    select: { personId: true, released: true, sessionId: true },
  });
  // Most people are in no session of these cycles (every page's to-do list asks): no second statement.
  if (!entries.length) return places;
  const sessions = new Map(
    (
      await db.calibrationSession.findMany({
        where: { id: { in: [...new Set(entries.map((entry) => entry.sessionId))] } },
        select: { id: true, cycleId: true, state: true },
      })
    ).map((session) => [session.id, session]),
  );
  for (const entry of entries) {
    const session = sessions.get(entry.sessionId)!;
    const key = `${session.cycleId}/${entry.personId}`;
    places.calibrated.add(key);
    if (isReleasedToPerson(entry, session)) places.released.add(key);
  }
  return places;
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
    db.calibrationSession.findMany({
      where: { id: { in: [...new Set(events.map((event) => event.sessionId))] } },
      select: { id: true, name: true, ladderVersionId: true, promotionsEffectiveOn: true },
    }),
    db.calibrationEvent.findMany({
      where: { kind: "release", entryId: { in: entryIds } },
      select: { entryId: true, createdAt: true },
    }),
  ]);
  return events.flatMap((event) => {
    const level = (JSON.parse(event.change) as { level?: [string | null, string | null] }).level;
    const session = sessions.find((candidate) => candidate.id === event.sessionId);
    if (!level || level[0] === level[1] || !session) return [];
    const released = releases.find((release) => release.entryId === event.entryId)?.createdAt;
    const effective = session.promotionsEffectiveOn ?? event.createdAt;
    const on = released && released > effective ? released : effective;
    return [
      {
        on,
        fromLevelId: level[0],
        toLevelId: level[1],
        ladderVersionId: session.ladderVersionId,
        sessionName: session.name,
      },
    ];
  });
}

const calibrationTodoRow = z.object({
  kind: z.enum(["propose", "preread", "release", "run", "record"]),
  id: z.string(),
  name: z.string(),
  state: z.string(),
  blindPreRead: sqlBool,
  dueOn: sqlDate.nullable(),
  total: sqlInt,
  missing: sqlInt,
});
export type CalibrationTodoRow = z.output<typeof calibrationTodoRow>;

/**
 * The home page's calibration to-dos (app/modules/todo), in one statement, each part the SQL form
 * of a rule in policy.ts:
 * - proposals: the person's reports in sessions open for proposals (or in their pre-read) where the
 *   person calibrates, with the day proposals are due (canPropose);
 * - the blind pre-read: everyone the person may rate independently, and those not rated by them yet;
 *   once live, the proposals they may mark, and those without their mark (canRateIndependently,
 *   canMarkProposal: not their own reports, not themselves nor their managers up the line, whom
 *   they are calibrated beside; admins are withheld nobody);
 * - sessions they facilitate that are not published;
 * - published sessions whose outcomes the person is to show: their reports', and as facilitator
 *   those of people with no active manager (releaseOutcome), due the day promotions take effect;
 * - for admins, live sessions with people whose outcome the facilitator may not record (the
 *   facilitator and their managers up the line, canRecordOutcome and canOpenEntry).
 * Raw: six readers as one `UNION ALL` of per-session counts over joins, which Prisma's API says
 * only as several statements.
 */
export async function calibrationTodo(viewer: {
  id: string;
  isAdmin: boolean;
}): Promise<CalibrationTodoRow[]> {
  const noDay = Prisma.sql`CAST(NULL AS TIMESTAMP)`;
  // The viewer's manager chain is in their kept reporting line, "/<top>/…/<manager>/".
  const withheld = viewer.isAdmin
    ? Prisma.sql`FALSE`
    : Prisma.sql`(e."personId" = me.id OR me."linePath" LIKE ('%/' || e."personId" || '/%'))`;
  return parseRows(
    calibrationTodoRow,
    await readRows`
    SELECT 'propose' AS kind, s.id, s.name, s.state, s."blindPreRead", s."proposalsDueOn" AS "dueOn", COUNT(*) AS total,
      SUM(CASE WHEN e."proposedRating" IS NULL THEN 1 ELSE 0 END) AS missing
    FROM "CalibrationEntry" e
    JOIN "CalibrationSession" s ON s.id = e."sessionId"
    JOIN "CalibrationCalibrator" c ON c."sessionId" = s.id AND c."userId" = e."managerId"
    WHERE e."managerId" = ${viewer.id} AND s.state IN ('proposals', 'preread')
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."proposalsDueOn"
    UNION ALL
    SELECT 'preread', s.id, s.name, s.state, s."blindPreRead", ${noDay}, COUNT(*),
      SUM(CASE WHEN (s.state = 'preread' AND r.rating IS NULL) OR (s.state = 'live' AND r.mark IS NULL) THEN 1 ELSE 0 END)
    FROM "CalibrationCalibrator" c
    JOIN "CalibrationSession" s ON s.id = c."sessionId"
    JOIN "User" me ON me.id = c."userId"
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    LEFT JOIN "CalibrationPreRead" r ON r."entryId" = e.id AND r."calibratorId" = c."userId"
    WHERE c."userId" = ${viewer.id} AND s.state IN ('preread', 'live')
      AND (e."managerId" IS NULL OR e."managerId" <> c."userId") AND NOT ${withheld}
      AND (s.state = 'preread' OR e."proposedRating" IS NOT NULL)
    GROUP BY s.id, s.name, s.state, s."blindPreRead"
    UNION ALL
    SELECT 'release', s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn", COUNT(*), COUNT(*)
    FROM "CalibrationEntry" e
    JOIN "CalibrationSession" s ON s.id = e."sessionId"
    WHERE e."managerId" = ${viewer.id} AND s.state = 'published' AND NOT e.released
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn"
    UNION ALL
    SELECT 'release', s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn", COUNT(*), COUNT(*)
    FROM "CalibrationSession" s
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    WHERE s."facilitatorId" = ${viewer.id} AND s.state = 'published' AND NOT e.released
      AND (e."managerId" IS NULL OR EXISTS (SELECT 1 FROM "User" m WHERE m.id = e."managerId" AND m."deactivatedAt" IS NOT NULL))
      AND (e."managerId" IS NULL OR e."managerId" <> ${viewer.id})
    GROUP BY s.id, s.name, s.state, s."blindPreRead", s."promotionsEffectiveOn"
    UNION ALL
    SELECT 'run', s.id, s.name, s.state, s."blindPreRead", ${noDay}, 0, 0
    FROM "CalibrationSession" s
    WHERE s."facilitatorId" = ${viewer.id} AND s.state <> 'published'
    ${
      viewer.isAdmin
        ? Prisma.sql`UNION ALL
    SELECT 'record', s.id, s.name, s.state, s."blindPreRead", ${noDay}, COUNT(*), COUNT(*)
    FROM "CalibrationSession" s
    JOIN "User" f ON f.id = s."facilitatorId"
    JOIN "CalibrationEntry" e ON e."sessionId" = s.id
    WHERE s.state = 'live' AND s."facilitatorId" <> ${viewer.id} AND NOT f."isAdmin" AND e."finalRating" IS NULL
      AND (e."personId" = f.id OR f."linePath" LIKE ('%/' || e."personId" || '/%'))
    GROUP BY s.id, s.name, s.state, s."blindPreRead"`
        : Prisma.empty
    }`,
  );
}
