import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { readableBySubjectSql } from "~/modules/assessments/queries.server";
import type { ReviewRatings } from "./inputs";
import { readRows } from "~/db/reads.server";
import * as clock from "~/platform/clock.server";

/** Mentorship's SQL, each row parsed once into a typed object. */

const latestRatingRow = z.object({
  subjectId: z.string(),
  kind: z.string(),
  levelId: z.string(),
  competencyId: z.string(),
  rating: sqlInt,
});

/**
 * Each person's latest submitted manager review they may read themselves, else their latest
 * submitted self-assessment, with its ratings: one statement, however many people. `people` is a
 * subquery giving their ids. A review its subject may not read yet (their own self-assessment of
 * that cycle is not in) is left out: the figures drawn from it are shown to them.
 */
async function latestReviews(
  people: Prisma.Sql,
  managerOnly = false,
): Promise<Map<string, ReviewRatings>> {
  const rows = parseRows(
    latestRatingRow,
    await readRows`
    WITH ranked AS (
      SELECT a.id, a."subjectId", a.kind, a."levelId",
        ROW_NUMBER() OVER (PARTITION BY a."subjectId", a.kind ORDER BY a."submittedAt" DESC, a.id DESC) AS position
      FROM "Assessment" a
      WHERE a.status = 'submitted' AND a."subjectId" IN (${people}) AND ${readableBySubjectSql("a", clock.now())} ${managerOnly ? Prisma.sql`AND a.kind = 'manager'` : Prisma.empty}
    )
    SELECT ranked."subjectId", ranked.kind, ranked."levelId", r."competencyId", r.rating
    FROM ranked JOIN "AssessmentRating" r ON r."assessmentId" = ranked.id
    WHERE ranked.position = 1 AND r.rating IS NOT NULL`,
  );
  const byPerson = new Map<string, { manager?: ReviewRatings; self?: ReviewRatings }>();
  for (const row of rows) {
    const kind = row.kind === "manager" ? "manager" : "self";
    const reviews = byPerson.get(row.subjectId) ?? {};
    const review = (reviews[kind] ??= { levelId: row.levelId, ratings: new Map() });
    (review.ratings as Map<string, number>).set(row.competencyId, row.rating);
    byPerson.set(row.subjectId, reviews);
  }
  return new Map(
    [...byPerson].map(([personId, reviews]) => [personId, (reviews.manager ?? reviews.self)!]),
  );
}

/** The latest submitted review (manager's, else own) of every mentee of a programme. */
export function menteeReviews(programmeId: string): Promise<Map<string, ReviewRatings>> {
  return latestReviews(
    Prisma.sql`SELECT "userId" FROM "MentorshipParticipant" WHERE "programmeId" = ${programmeId} AND role = 'mentee'`,
  );
}

/** The latest submitted review (manager's, else own) of each of these people. */
export function reviewsOf(personIds: readonly string[]): Promise<Map<string, ReviewRatings>> {
  if (personIds.length === 0) return Promise.resolve(new Map());
  return latestReviews(
    Prisma.sql`SELECT "id" FROM "User" WHERE "id" IN (${Prisma.join([...personIds])})`,
  );
}

/** Each mentor's latest submitted manager review that they may read: what their profile's strengths are drawn from, as their opt-in's prefill is. */
export function mentorManagerReviews(programmeId: string): Promise<Map<string, ReviewRatings>> {
  return latestReviews(
    Prisma.sql`SELECT "userId" FROM "MentorshipParticipant" WHERE "programmeId" = ${programmeId} AND role = 'mentor'`,
    true,
  );
}

/** One person's latest submitted manager review that they may read, or null: what a mentor's strengths are prefilled from. */
export async function latestManagerReview(personId: string): Promise<ReviewRatings | null> {
  const rows = parseRows(
    latestRatingRow,
    await readRows`
    SELECT a."subjectId", a.kind, a."levelId", r."competencyId", r.rating
    FROM "AssessmentRating" r JOIN "Assessment" a ON a.id = r."assessmentId"
    WHERE r.rating IS NOT NULL AND a.id = (
      SELECT m.id FROM "Assessment" m WHERE m."subjectId" = ${personId} AND m.kind = 'manager' AND m.status = 'submitted' AND ${readableBySubjectSql("m", clock.now())}
      ORDER BY m."submittedAt" DESC, m.id DESC LIMIT 1
    )`,
  );
  if (rows.length === 0) return null;
  return {
    levelId: rows[0]!.levelId,
    ratings: new Map(rows.map((row) => [row.competencyId, row.rating])),
  };
}

const movementRow = z.object({
  pairId: z.string(),
  side: z.enum(["before", "after"]),
  competencyId: z.string(),
  rating: sqlInt,
});

/**
 * For accepted pairs (active or ended) of a programme (the admins' report), or one pair (its page,
 * which the mentee reads: only reviews the mentee may read themselves count): the mentee's ratings
 * in their latest submitted manager review before the pair became active, and in the latest since.
 * Only two reviews per mentee are read, however many they have.
 */
export async function goalRatings(
  where: { programmeId: string } | { pairId: string },
): Promise<Map<string, { before: Map<string, number>; after: Map<string, number> }>> {
  const filter =
    "pairId" in where
      ? Prisma.sql`p.id = ${where.pairId}`
      : Prisma.sql`p."programmeId" = ${where.programmeId}`;
  const readable = "pairId" in where ? readableBySubjectSql("a", clock.now()) : Prisma.sql`TRUE`;
  const rows = parseRows(
    movementRow,
    await readRows`
    WITH pairs AS (
      SELECT p.id, p."menteeId", p."activeSince" FROM "MentorshipPair" p
      WHERE ${filter} AND p.status IN ('active', 'ended') AND p."activeSince" IS NOT NULL
    ),
    ranked AS (
      SELECT pairs.id AS "pairId", a.id, CASE WHEN a."submittedAt" < pairs."activeSince" THEN 'before' ELSE 'after' END AS side,
        ROW_NUMBER() OVER (PARTITION BY pairs.id, CASE WHEN a."submittedAt" < pairs."activeSince" THEN 0 ELSE 1 END ORDER BY a."submittedAt" DESC, a.id DESC) AS position
      FROM pairs JOIN "Assessment" a ON a."subjectId" = pairs."menteeId"
      WHERE a.kind = 'manager' AND a.status = 'submitted' AND ${readable}
    )
    SELECT ranked."pairId", ranked.side, r."competencyId", r.rating
    FROM ranked JOIN "AssessmentRating" r ON r."assessmentId" = ranked.id
    WHERE ranked.position = 1 AND r.rating IS NOT NULL`,
  );
  const byPair = new Map<string, { before: Map<string, number>; after: Map<string, number> }>();
  for (const row of rows) {
    const pair = byPair.get(row.pairId) ?? { before: new Map(), after: new Map() };
    pair[row.side].set(row.competencyId, row.rating);
    byPair.set(row.pairId, pair);
  }
  return byPair;
}

const todoRow = z.object({
  kind: z.enum(["join", "answer", "active", "request", "declined", "admin"]),
  programmeId: z.string(),
  programmeName: z.string(),
  endsOn: sqlDate,
  /** For admins: a decline since the last matching run, or a rerun's pairs not published yet. */
  rerunOwed: sqlInt.nullable(),
  openTo: z.string().nullable(),
  teamIds: z.string().nullable(),
  ladderId: z.string().nullable(),
  matchingOn: sqlDate,
  publishedAt: sqlDate.nullable(),
  personTeamId: z.string().nullable(),
  personLadderId: z.string().nullable(),
  personLevel: z.string().nullable(),
  personDeactivatedAt: sqlDate.nullable(),
  pairId: z.string().nullable(),
  otherName: z.string().nullable(),
  role: z.string().nullable(),
  status: z.string().nullable(),
  activeSince: sqlDate.nullable(),
  offeredAt: sqlDate.nullable(),
  lastCheckIn: sqlDate.nullable(),
  pulses: z.string().nullable(),
});
export type MentorshipTodoRow = z.output<typeof todoRow>;

/**
 * For the home page, in one statement: programmes not yet published that the person has not
 * joined, with the person's own team, ladder and level (whether they may join is decided from
 * the rows), pairs waiting for their answer, mentees' requests waiting for their answer as a
 * mentor and their own requests a mentor declined with nothing asked since, their active pairs with the last check-in and the
 * pulses they answered ("30,90"), and for admins the programmes not closed, with whether a
 * published one owes a rerun (a pair declined since the last matching run, or a rerun's pairs
 * not published yet). Every row carries its programme's last day.
 */
export function mentorshipTodoRead(personId: string, isAdmin: boolean): Prisma.Sql {
  const text = Prisma.sql`CAST(NULL AS TEXT)`;
  const time = Prisma.sql`CAST(NULL AS TIMESTAMP)`;
  const int = Prisma.sql`CAST(NULL AS INTEGER)`;
  const noPerson = Prisma.sql`${text}, ${text}, ${text}, ${time}`;
  const noPair = Prisma.sql`${text}, ${text}, ${text}, ${text}, ${time}, ${time}, ${time}, ${text}`;
  return Prisma.sql`
    SELECT 'join' AS kind, p.id AS "programmeId", p.name AS "programmeName", p."endsOn", ${int} AS "rerunOwed", p."openTo", p."teamIds", p."ladderId", p."matchingOn", p."publishedAt",
      me."teamId" AS "personTeamId", me."ladderId" AS "personLadderId", me.level AS "personLevel", me."deactivatedAt" AS "personDeactivatedAt",
      ${text} AS "pairId", ${text} AS "otherName", ${text} AS role, ${text} AS status, ${time} AS "activeSince", ${time} AS "offeredAt", ${time} AS "lastCheckIn", ${text} AS pulses
    FROM "MentorshipProgramme" p JOIN "User" me ON me.id = ${personId}
    WHERE p."closedAt" IS NULL AND p."publishedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "MentorshipParticipant" o WHERE o."programmeId" = p.id AND o."userId" = ${personId})
    UNION ALL
    SELECT CASE WHEN x.status = 'offered' THEN 'answer' ELSE 'active' END, p.id, p.name, p."endsOn", ${int}, ${text}, ${text}, ${text}, p."matchingOn", p."publishedAt", ${noPerson},
      x.id, CASE WHEN x."menteeId" = ${personId} THEN mentor.name ELSE mentee.name END, CASE WHEN x."menteeId" = ${personId} THEN 'mentee' ELSE 'mentor' END,
      x.status, x."activeSince", x."offeredAt",
      (SELECT MAX(c."occurredOn") FROM "MentorshipCheckIn" c WHERE c."pairId" = x.id),
      (SELECT COALESCE(MAX(CASE WHEN u.checkpoint = 30 THEN '30' ELSE '' END), '') || ',' || COALESCE(MAX(CASE WHEN u.checkpoint = 90 THEN '90' ELSE '' END), '')
        FROM "MentorshipPulse" u WHERE u."pairId" = x.id AND u."respondentId" = ${personId})
    FROM "MentorshipPair" x
    JOIN "MentorshipProgramme" p ON p.id = x."programmeId"
    JOIN "User" mentee ON mentee.id = x."menteeId"
    JOIN "User" mentor ON mentor.id = x."mentorId"
    WHERE (x."menteeId" = ${personId} OR x."mentorId" = ${personId}) AND p."closedAt" IS NULL
      AND (x.status = 'active' OR (x.status = 'offered' AND ((x."menteeId" = ${personId} AND x."menteeAnswer" IS NULL) OR (x."mentorId" = ${personId} AND x."mentorAnswer" IS NULL))))
    UNION ALL
    SELECT 'request', p.id, p.name, p."endsOn", ${int}, ${text}, ${text}, ${text}, p."matchingOn", p."publishedAt", ${noPerson},
      q.id, mentee.name, 'mentor', q.state, ${time}, q."requestedAt", ${time}, ${text}
    FROM "MentorshipRequest" q
    JOIN "MentorshipProgramme" p ON p.id = q."programmeId"
    JOIN "User" mentee ON mentee.id = q."menteeId"
    WHERE q."mentorId" = ${personId} AND q.state = 'requested' AND p."closedAt" IS NULL AND p."publishedAt" IS NULL
    UNION ALL
    SELECT 'declined', p.id, p.name, p."endsOn", ${int}, ${text}, ${text}, ${text}, p."matchingOn", p."publishedAt", ${noPerson},
      q.id, mentor.name, 'mentee', q.state, ${time}, q."answeredAt", ${time}, ${text}
    FROM "MentorshipRequest" q
    JOIN "MentorshipProgramme" p ON p.id = q."programmeId"
    JOIN "User" mentor ON mentor.id = q."mentorId"
    WHERE q."menteeId" = ${personId} AND q.state = 'declined' AND p."closedAt" IS NULL AND p."publishedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "MentorshipParticipant" m WHERE m."programmeId" = p.id AND m."userId" = ${personId} AND m.role = 'mentee')
      AND NOT EXISTS (
        SELECT 1 FROM "MentorshipRequest" o WHERE o."programmeId" = p.id AND o."menteeId" = ${personId}
          AND (o.state = 'accepted' OR o."requestedAt" > q."answeredAt"))
    ${
      isAdmin
        ? Prisma.sql`UNION ALL
    SELECT 'admin', p.id, p.name, p."endsOn",
      CASE WHEN p."publishedAt" IS NOT NULL AND (
        EXISTS (SELECT 1 FROM "MentorshipPair" x WHERE x."programmeId" = p.id AND x.status = 'proposed')
        OR EXISTS (
          SELECT 1 FROM "MentorshipPair" x WHERE x."programmeId" = p.id AND x.status = 'declined'
            AND x."updatedAt" > (SELECT MAX(r."createdAt") FROM "MentorshipRun" r WHERE r."programmeId" = p.id))
      ) THEN 1 ELSE 0 END,
      ${text}, ${text}, ${text}, p."matchingOn", p."publishedAt", ${noPerson}, ${noPair}
    FROM "MentorshipProgramme" p WHERE p."closedAt" IS NULL`
        : Prisma.empty
    }`;
}

/** mentorshipTodoRead's rows (the to-do list's probe is the read itself). */
export async function mentorshipTodo(
  personId: string,
  isAdmin: boolean,
): Promise<MentorshipTodoRow[]> {
  return parseRows(todoRow, await readRows(mentorshipTodoRead(personId, isAdmin)));
}

const pulseRow = z.object({
  pairId: z.string(),
  respondentId: z.string(),
  checkpoint: sqlInt,
  role: z.enum(["mentee", "mentor"]),
  usefulness: sqlInt,
  comfort: sqlInt,
});

const reportVersionRow = z.object({
  people: sqlInt,
  peopleChanged: sqlDate.nullable(),
  optIns: sqlInt,
  optInsChanged: sqlDate.nullable(),
  pairs: sqlInt,
  pairsChanged: sqlDate.nullable(),
  checkIns: sqlInt,
  pulses: sqlInt,
  reviewsChanged: sqlDate.nullable(),
});

/**
 * What a programme's report is read from, as one line (report.server.ts keeps the report's
 * inputs under it): people (whom it is open to), its opt-ins and pairs (counted, so a removal
 * shows, and their newest change), check-ins and pulses (only ever added) and reviews (goal
 * movement: submitting one changes it). Each figure is answered by an index.
 */
export async function programmeReportVersion(programmeId: string): Promise<string> {
  const [row] = parseRows(
    reportVersionRow,
    await readRows`
    SELECT
      (SELECT COUNT(*) FROM "User") AS people,
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT COUNT(*) FROM "MentorshipParticipant" WHERE "programmeId" = ${programmeId}) AS "optIns",
      (SELECT MAX("updatedAt") FROM "MentorshipParticipant") AS "optInsChanged",
      (SELECT COUNT(*) FROM "MentorshipPair" WHERE "programmeId" = ${programmeId}) AS pairs,
      (SELECT MAX("updatedAt") FROM "MentorshipPair") AS "pairsChanged",
      (SELECT COUNT(*) FROM "MentorshipCheckIn") AS "checkIns",
      (SELECT COUNT(*) FROM "MentorshipPulse") AS pulses,
      (SELECT MAX("updatedAt") FROM "Assessment") AS "reviewsChanged"`,
  );
  return versionLine(row!);
}

const matchingVersionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  optIns: sqlInt,
  optInsChanged: sqlDate.nullable(),
  pairs: sqlInt,
  pairsChanged: sqlDate.nullable(),
  rules: sqlInt,
  rulesChanged: sqlDate.nullable(),
  runs: sqlInt,
  requestsChanged: sqlDate.nullable(),
});

/**
 * What a programme's matching page is read from, as one line (matching.server.ts keeps the page's
 * reads under it): people's newest change (their names; removing someone removes their opt-ins,
 * pairs and rules, counted below), the programme's opt-ins, pairs and pins and forbids, each
 * counted (a removal shows) with its newest change (a rule's kind changes with its createdAt),
 * its runs (only ever added) and its requests' newest change (an answer, a new one). Each figure
 * is answered by an index.
 */
export async function matchingVersion(programmeId: string): Promise<string> {
  const [row] = parseRows(
    matchingVersionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT COUNT(*) FROM "MentorshipParticipant" WHERE "programmeId" = ${programmeId}) AS "optIns",
      (SELECT MAX("updatedAt") FROM "MentorshipParticipant") AS "optInsChanged",
      (SELECT COUNT(*) FROM "MentorshipPair" WHERE "programmeId" = ${programmeId}) AS pairs,
      (SELECT MAX("updatedAt") FROM "MentorshipPair") AS "pairsChanged",
      (SELECT COUNT(*) FROM "MentorshipPairRule" WHERE "programmeId" = ${programmeId}) AS rules,
      (SELECT MAX("createdAt") FROM "MentorshipPairRule" WHERE "programmeId" = ${programmeId}) AS "rulesChanged",
      (SELECT COUNT(*) FROM "MentorshipRun" WHERE "programmeId" = ${programmeId}) AS runs,
      (SELECT MAX("updatedAt") FROM "MentorshipRequest" WHERE "programmeId" = ${programmeId}) AS "requestsChanged"`,
  );
  return versionLine(row!);
}

/** Every pulse answer of a programme's pairs, with whether the mentee or the mentor gave it. */
export async function programmePulses(programmeId: string) {
  return parseRows(
    pulseRow,
    await readRows`
    SELECT u."pairId", u."respondentId", u.checkpoint, CASE WHEN u."respondentId" = p."menteeId" THEN 'mentee' ELSE 'mentor' END AS role, u.usefulness, u.comfort
    FROM "MentorshipPulse" u JOIN "MentorshipPair" p ON p.id = u."pairId"
    WHERE p."programmeId" = ${programmeId}`,
  );
}
