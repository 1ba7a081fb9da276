import { z } from "zod";

import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { newestChange, readRows, wholeNumber, words } from "~/db/reads.server";
import { ACTIVE_STAGES } from "./pipeline";

/** Hiring's reads: Prisma's API, and raw SQL (each row parsed once into a typed object) where it cannot say the statement. */

const involvedRow = z.object({ involved: sqlInt, signing: sqlInt });

/** Whether the person interviews on an open, undecided loop or is a hiring admin of an opening. */
const involvedIn = (viewerId: string) => Prisma.sql`EXISTS (
      SELECT 1 FROM "HiringInterview" i JOIN "HiringLoop" l ON l.id = i."loopId"
      WHERE i."interviewerId" = ${viewerId} AND l.decision IS NULL AND l.state = 'open'
    ) OR EXISTS (SELECT 1 FROM "HiringOpeningAdmin" a WHERE a."userId" = ${viewerId})`;

/** Whether a trainee's seat on one of the person's interviews waits for their sign-off. */
const signingIn = (viewerId: string) => Prisma.sql`EXISTS (
      SELECT 1 FROM "HiringTraineeSeat" t JOIN "HiringInterview" si ON si.id = t."interviewId"
      WHERE si."interviewerId" = ${viewerId} AND t.outcome IS NULL
    )`;

/**
 * Whether the person takes part in hiring (involvedIn) and whether a sign-off waits for them
 * (signingIn), in one statement: the home page asks it of everyone, and most people take part in no
 * hiring at all.
 */
export async function takesPartInHiring(
  viewerId: string,
): Promise<{ involved: boolean; signing: boolean }> {
  const [row] = parseRows(
    involvedRow,
    await readRows`
    SELECT CASE WHEN ${involvedIn(viewerId)} THEN 1 ELSE 0 END AS involved,
    CASE WHEN ${signingIn(viewerId)} THEN 1 ELSE 0 END AS signing`,
  );
  return { involved: row?.involved === 1, signing: row?.signing === 1 };
}

/** A row when the person takes part in hiring or a sign-off waits for them, none otherwise: the to-do list's probe (hiring has no to-do without either). */
export function takesPartInHiringRead(viewerId: string): Prisma.Sql {
  return Prisma.sql`SELECT 1 AS part WHERE ${involvedIn(viewerId)} OR ${signingIn(viewerId)}`;
}

const signOffRow = z.object({
  seatId: z.string(),
  trainee: z.string(),
  stage: z.string(),
  mode: z.string(),
  scheduledAt: sqlDate.nullable(),
});

/** Trainees' seats on the person's interviews that wait for their sign-off (not in a withdrawn loop), oldest first, in one statement. */
export async function signOffRows(viewerId: string): Promise<z.output<typeof signOffRow>[]> {
  return parseRows(
    signOffRow,
    await readRows`
    SELECT t.id AS "seatId", u.name AS trainee, st.name AS stage, t.mode, i."scheduledAt"
    FROM "HiringTraineeSeat" t
    JOIN "HiringInterview" i ON i.id = t."interviewId"
    JOIN "HiringLoop" l ON l.id = i."loopId"
    JOIN "HiringStage" st ON st.id = i."stageId"
    JOIN "User" u ON u.id = t."traineeId"
    WHERE i."interviewerId" = ${viewerId} AND t.outcome IS NULL AND l.state <> 'withdrawn'
    ORDER BY t."createdAt", t.id`,
  );
}

/**
 * What an opening's pipeline board is read from, as one line: the newest change to any candidate,
 * read from the end of an index (newestChange). A new candidate is a new row; a move writes the candidate's stage in the
 * same transaction (recordMove), and a purge its name; candidates are never deleted. Counting the
 * opening's candidates and their moves instead cost PostgreSQL 2 to 3 ms a request (decision 049).
 */
export async function pipelineBoardVersion(): Promise<string> {
  return String((await newestChange("HiringCandidate"))?.getTime() ?? "");
}

const openingFiguresRow = z.object({ loops: sqlInt, usedStageId: z.string().nullable() });

/** How many loops (candidates' rounds) an opening has, and which of its stages have an interview assigned: one statement. */
export async function openingFigures(
  openingId: string,
): Promise<{ loops: number; usedStageIds: Set<string> }> {
  const rows = parseRows(
    openingFiguresRow,
    await readRows`
    SELECT (SELECT COUNT(*) FROM "HiringLoop" l WHERE l."openingId" = o.id) AS loops, s.id AS "usedStageId"
    FROM "HiringOpening" o
    LEFT JOIN "HiringStage" s ON s."openingId" = o.id AND EXISTS (SELECT 1 FROM "HiringInterview" i WHERE i."stageId" = s.id)
    WHERE o.id = ${openingId}`,
  );
  return {
    loops: rows[0]?.loops ?? 0,
    usedStageIds: new Set(rows.flatMap((row) => (row.usedStageId ? [row.usedStageId] : []))),
  };
}

const openingLoopRow = z.object({
  id: z.string(),
  state: z.string(),
  decision: z.string().nullable(),
  debriefOpenedAt: sqlDate.nullable(),
  createdAt: sqlDate,
  candidateName: z.string(),
  candidatePurgedAt: sqlDate.nullable(),
  interviewerId: z.string().nullable(),
  submitted: sqlBool.nullable(),
});

export type OpeningLoop = {
  id: string;
  state: string;
  decision: string | null;
  debriefOpenedAt: Date | null;
  createdAt: Date;
  candidate: { name: string; purgedAt: Date | null };
  /** Each interview: its interviewer, and whether their card is in. */
  interviews: { interviewerId: string; submitted: boolean }[];
};

/**
 * A page of an opening's loops, newest first, with each candidate and each interview's card
 * state: one statement, read from the (openingId, createdAt, id) index and stopped after the
 * page. (As nested model reads it was four statements on SQLite, one of them a list of every
 * interview's id.)
 */
export async function openingLoopsPage(
  openingId: string,
  offset: number,
  limit: number,
): Promise<OpeningLoop[]> {
  const rows = parseRows(
    openingLoopRow,
    await readRows`
    WITH page AS (
      SELECT l.id, l.state, l.decision, l."debriefOpenedAt", l."createdAt", l."candidateId"
      FROM "HiringLoop" l WHERE l."openingId" = ${openingId}
      ORDER BY l."createdAt" DESC, l.id DESC LIMIT ${wholeNumber(limit)} OFFSET ${wholeNumber(offset)}
    )
    SELECT page.id, page.state, page.decision, page."debriefOpenedAt", page."createdAt",
      c.name AS "candidateName", c."purgedAt" AS "candidatePurgedAt", i."interviewerId",
      CASE WHEN i.id IS NULL THEN NULL
        WHEN EXISTS (SELECT 1 FROM "HiringScorecard" s WHERE s."interviewId" = i.id AND s.status = 'submitted' AND s."amendsId" IS NULL) THEN 1 ELSE 0 END AS submitted
    FROM page
    JOIN "HiringCandidate" c ON c.id = page."candidateId"
    LEFT JOIN "HiringInterview" i ON i."loopId" = page.id
    ORDER BY page."createdAt" DESC, page.id DESC`,
  );
  const loops: OpeningLoop[] = [];
  for (const row of rows) {
    let loop = loops[loops.length - 1];
    if (!loop || loop.id !== row.id) {
      loop = {
        id: row.id,
        state: row.state,
        decision: row.decision,
        debriefOpenedAt: row.debriefOpenedAt,
        createdAt: row.createdAt,
        candidate: { name: row.candidateName, purgedAt: row.candidatePurgedAt },
        interviews: [],
      };
      loops.push(loop);
    }
    if (row.interviewerId !== null)
      loop.interviews.push({ interviewerId: row.interviewerId, submitted: row.submitted === true });
  }
  return loops;
}

const loopHeadRow = z.object({
  id: z.string(),
  state: z.string(),
  debriefOpenedAt: sqlDate.nullable(),
  debriefOpenedById: z.string().nullable(),
  decision: z.string().nullable(),
  decisionLevelId: z.string().nullable(),
  rationale: z.string(),
  decidedAt: sqlDate.nullable(),
  decidedById: z.string().nullable(),
  inviteCandidate: sqlBool,
  createdAt: sqlDate,
  openingId: z.string(),
  openingTitle: z.string(),
  openingLadderId: z.string(),
  openingLadderVersionId: z.string(),
  openingTrackId: z.string(),
  openingLevelId: z.string(),
  openingState: z.string(),
  openingCreatedAt: sqlDate,
  candidateId: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  candidateSource: z.string(),
  candidateNotes: z.string(),
  candidatePurgedAt: sqlDate.nullable(),
  candidateRejectedAt: sqlDate.nullable(),
  candidatePipelineStage: z.string(),
  candidatePipelineStageSince: sqlDate,
  candidateHiredPersonId: z.string().nullable(),
  debriefOpenedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  hiredPersonName: z.string().nullable(),
});

const loopPlanRow = z.object({
  kind: z.enum(["stage", "admin"]),
  id: z.string(),
  name: z.string().nullable(),
  position: sqlInt.nullable(),
  competencyIds: z.string().nullable(),
  createdAt: sqlDate.nullable(),
});

const loopInterviewRow = z.object({
  id: z.string(),
  stageId: z.string(),
  scheduledAt: sqlDate.nullable(),
  interviewerId: z.string(),
  interviewerName: z.string(),
  interviewerLevel: z.string().nullable(),
  interviewerTeamId: z.string().nullable(),
  teamName: z.string().nullable(),
  submitted: sqlBool,
  submittedAt: sqlDate.nullable(),
});

export type LoopRows = OpeningPlan & {
  head: z.output<typeof loopHeadRow>;
  /** In the plan's order, then as assigned. */
  interviews: z.output<typeof loopInterviewRow>[];
};

/**
 * A loop with its opening's plan and hiring admins, its candidate, the names of who opened the
 * debrief early, who decided and whom the candidate was hired as, and its interviews with each
 * interviewer, their team and whether their original card is in: three statements, however many
 * interviewers (Prisma's nested read was nine on SQLite). Null when there is no such loop.
 */
export async function loopRows(loopId: string): Promise<LoopRows | null> {
  const [heads, plan, interviews] = await Promise.all([
    readRows`
      SELECT l.id, l.state, l."debriefOpenedAt", l."debriefOpenedById", l.decision, l."decisionLevelId", l.rationale, l."decidedAt", l."decidedById",
        l."inviteCandidate", l."createdAt",
        o.id AS "openingId", o.title AS "openingTitle", o."ladderId" AS "openingLadderId", o."ladderVersionId" AS "openingLadderVersionId",
        o."trackId" AS "openingTrackId", o."levelId" AS "openingLevelId", o.state AS "openingState", o."createdAt" AS "openingCreatedAt",
        c.id AS "candidateId", c.name AS "candidateName", c.email AS "candidateEmail", c.source AS "candidateSource", c.notes AS "candidateNotes",
        c."purgedAt" AS "candidatePurgedAt", c."rejectedAt" AS "candidateRejectedAt", c."pipelineStage" AS "candidatePipelineStage",
        c."pipelineStageSince" AS "candidatePipelineStageSince", c."hiredPersonId" AS "candidateHiredPersonId",
        opener.name AS "debriefOpenedByName", decider.name AS "decidedByName", hired.name AS "hiredPersonName"
      FROM "HiringLoop" l
      JOIN "HiringOpening" o ON o.id = l."openingId"
      JOIN "HiringCandidate" c ON c.id = l."candidateId"
      LEFT JOIN "User" opener ON opener.id = l."debriefOpenedById"
      LEFT JOIN "User" decider ON decider.id = l."decidedById"
      LEFT JOIN "User" hired ON hired.id = c."hiredPersonId"
      WHERE l.id = ${loopId}`,
    readPlan(Prisma.sql`(SELECT "openingId" FROM "HiringLoop" WHERE id = ${loopId})`),
    readRows`
      SELECT i.id, i."stageId", i."scheduledAt", i."interviewerId", u.name AS "interviewerName", u.level AS "interviewerLevel",
        u."teamId" AS "interviewerTeamId", t.name AS "teamName",
        CASE WHEN EXISTS (SELECT 1 FROM "HiringScorecard" sc WHERE sc."interviewId" = i.id AND sc.status = 'submitted' AND sc."amendsId" IS NULL) THEN 1 ELSE 0 END AS submitted,
        (SELECT MIN(sc."submittedAt") FROM "HiringScorecard" sc WHERE sc."interviewId" = i.id AND sc.status = 'submitted' AND sc."amendsId" IS NULL) AS "submittedAt"
      FROM "HiringInterview" i
      JOIN "HiringStage" st ON st.id = i."stageId"
      JOIN "User" u ON u.id = i."interviewerId"
      LEFT JOIN "Team" t ON t.id = u."teamId"
      WHERE i."loopId" = ${loopId}
      ORDER BY st.position, i."createdAt", i.id`,
  ]);
  const [head] = parseRows(loopHeadRow, heads);
  if (!head) return null;
  return { head, ...plan, interviews: parseRows(loopInterviewRow, interviews) };
}

export type OpeningPlan = {
  /** The opening's stages in the plan's order. */
  stages: { id: string; name: string; position: number; competencyIds: string }[];
  adminIds: string[];
};

/** An opening's stages and hiring admins in one statement (raw: two tables as one `UNION ALL`); `openingId` is the id, or a subquery that gives it. */
async function readPlan(openingId: Prisma.Sql | string): Promise<OpeningPlan> {
  const rows = parseRows(
    loopPlanRow,
    await readRows`
    SELECT 'stage' AS kind, s.id, s.name, s.position, s."competencyIds", s."createdAt"
    FROM "HiringStage" s WHERE s."openingId" = ${openingId}
    UNION ALL
    SELECT 'admin', a."userId", NULL, NULL, NULL, NULL
    FROM "HiringOpeningAdmin" a WHERE a."openingId" = ${openingId}`,
  );
  const stages = rows
    .filter((row) => row.kind === "stage")
    .sort(
      (a, b) =>
        (a.position ?? 0) - (b.position ?? 0) ||
        (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
    )
    .map((row) => ({
      id: row.id,
      name: row.name ?? "",
      position: row.position ?? 0,
      competencyIds: row.competencyIds ?? "[]",
    }));
  return { stages, adminIds: rows.filter((row) => row.kind === "admin").map((row) => row.id) };
}

export type OpeningHead = {
  id: string;
  title: string;
  ladderId: string;
  ladderVersionId: string;
  trackId: string;
  levelId: string;
  state: string;
  createdAt: Date;
};

/**
 * An opening with its stages and hiring admins: two statements, the opening through Prisma's API and
 * its plan in one raw statement (Prisma's nested read was three on SQLite). Null when there is no such opening.
 */
export async function openingRows(openingId: string): Promise<(OpeningHead & OpeningPlan) | null> {
  const [head, plan] = await Promise.all([
    db.hiringOpening.findUnique({
      where: { id: openingId },
      select: {
        id: true,
        title: true,
        ladderId: true,
        ladderVersionId: true,
        trackId: true,
        levelId: true,
        state: true,
        createdAt: true,
      },
    }),
    readPlan(openingId),
  ]);
  return head ? { ...head, ...plan } : null;
}

const cardScoreRow = z.object({
  id: z.string(),
  interviewId: z.string(),
  authorId: z.string(),
  status: z.string(),
  recommendation: z.string().nullable(),
  summary: z.string(),
  amendsId: z.string().nullable(),
  revision: sqlInt,
  submittedAt: sqlDate.nullable(),
  createdAt: sqlDate,
  competencyId: z.string().nullable(),
  score: sqlInt.nullable(),
  notes: z.string().nullable(),
});

export type LoopCard = Omit<z.output<typeof cardScoreRow>, "competencyId" | "score" | "notes"> & {
  scores: { competencyId: string; score: number | null; notes: string }[];
};

/**
 * Every scorecard of a loop, oldest first, with its scores (by competency id): one statement, where
 * Prisma's nested read was two. Callers filter them with `visibleScorecards` before anything leaves
 * the hiring module.
 */
export async function loopCardRows(loopId: string): Promise<LoopCard[]> {
  const rows = parseRows(
    cardScoreRow,
    await readRows`
    SELECT c.id, c."interviewId", c."authorId", c.status, c.recommendation, c.summary, c."amendsId", c.revision, c."submittedAt", c."createdAt",
      s."competencyId", s.score, s.notes
    FROM "HiringScorecard" c
    JOIN "HiringInterview" i ON i.id = c."interviewId"
    LEFT JOIN "HiringScore" s ON s."scorecardId" = c.id
    WHERE i."loopId" = ${loopId}
    ORDER BY c."createdAt", c.id, s."competencyId"`,
  );
  const cards: LoopCard[] = [];
  for (const { competencyId, score, notes, ...card } of rows) {
    let last = cards[cards.length - 1];
    if (!last || last.id !== card.id) cards.push((last = { ...card, scores: [] }));
    if (competencyId !== null) last.scores.push({ competencyId, score, notes: notes ?? "" });
  }
  return cards;
}

const pendingRow = z.object({ pending: sqlInt });

/**
 * Whether the viewer holds an interview whose original card is not in, in another of the
 * candidate's loops in the opening (the pipeline rule asks nothing else of them): one statement.
 */
export async function pendingInterviewElsewhere(
  viewerId: string,
  candidateId: string,
  openingId: string,
  loopId: string,
): Promise<boolean> {
  const [row] = parseRows(
    pendingRow,
    await readRows`
    SELECT CASE WHEN EXISTS (
      SELECT 1 FROM "HiringInterview" i JOIN "HiringLoop" l ON l.id = i."loopId"
      WHERE i."interviewerId" = ${viewerId} AND l."candidateId" = ${candidateId} AND l."openingId" = ${openingId} AND l.id <> ${loopId}
        AND NOT EXISTS (SELECT 1 FROM "HiringScorecard" c WHERE c."interviewId" = i.id AND c.status = 'submitted' AND c."amendsId" IS NULL)
    ) THEN 1 ELSE 0 END AS pending`,
  );
  return row?.pending === 1;
}

const moveRow = z.object({
  fromStage: z.string().nullable(),
  toStage: z.string(),
  reason: z.string().nullable(),
  note: z.string(),
  movedAt: sqlDate,
  movedByName: z.string().nullable(),
});

export type CandidateMove = z.output<typeof moveRow>;

/** A candidate's moves through the pipeline, oldest first, with who moved them: one statement (raw: the mover's name joined, where Prisma's nested select takes a second on SQLite). */
export async function candidateMoves(candidateId: string): Promise<CandidateMove[]> {
  return parseRows(
    moveRow,
    await readRows`
    SELECT m."fromStage", m."toStage", m.reason, m.note, m."movedAt", u.name AS "movedByName"
    FROM "HiringPipelineMove" m LEFT JOIN "User" u ON u.id = m."movedById"
    WHERE m."candidateId" = ${candidateId}
    ORDER BY m."movedAt", m.id`,
  );
}

/** The interviews of other loops that these interviewers hold between two times (exclusive). */
export async function interviewsBetween(
  exceptLoopId: string,
  interviewerIds: readonly string[],
  after: Date,
  before: Date,
): Promise<{ interviewerId: string; scheduledAt: Date }[]> {
  if (interviewerIds.length === 0) return [];
  const rows = await db.hiringInterview.findMany({
    where: {
      loopId: { not: exceptLoopId },
      interviewerId: { in: [...interviewerIds] },
      scheduledAt: { gt: after, lt: before },
    },
    select: { interviewerId: true, scheduledAt: true },
  });
  // The range leaves out interviews with no time set.
  return rows.flatMap(({ interviewerId, scheduledAt }) =>
    scheduledAt ? [{ interviewerId, scheduledAt }] : [],
  );
}

const todoLoopRow = z.object({
  loopId: z.string(),
  debriefOpenedAt: sqlDate.nullable(),
  candidate: z.string(),
  pipelineStage: z.string(),
  opening: z.string(),
  viewerAdmin: sqlBool,
  interviewId: z.string().nullable(),
  interviewerId: z.string().nullable(),
  scheduledAt: sqlDate.nullable(),
  createdAt: sqlDate.nullable(),
  stage: z.string().nullable(),
  submitted: sqlBool,
  anySubmitted: sqlBool,
});
export type HiringTodoLoopRow = z.output<typeof todoLoopRow>;

const todoCandidateRow = z.object({
  candidateId: z.string(),
  candidate: z.string(),
  pipelineStage: z.string(),
  since: sqlDate,
  loopId: z.string(),
  state: z.string(),
  decided: sqlBool,
  openingId: z.string(),
  opening: z.string(),
  viewerAdmin: sqlBool,
  interviewerId: z.string().nullable(),
  submitted: sqlBool,
});
export type HiringTodoCandidateRow = z.output<typeof todoCandidateRow>;

/** Whether the interview of the row has a submitted card that amends none (an interview's card as the panel counts it). */
const submittedCard = Prisma.sql`EXISTS (SELECT 1 FROM "HiringScorecard" s WHERE s."interviewId" = i.id AND s.status = 'submitted' AND s."amendsId" IS NULL)`;

/**
 * The open, undecided loops of candidates not purged where the person interviews or is a hiring
 * admin of the opening, a row per interview (one with no interview for a loop that has none yet),
 * in one statement. Whether the person is a hiring admin of the opening is all the policy asks of
 * its admins (managesOpening), so that stands for the list of them. Raw, for the home page's
 * to-dos (hiring/todo.server.ts): Prisma's nested select takes a statement per relation on SQLite
 * (five here), and the card states are EXISTS columns it cannot select.
 */
export async function hiringTodoLoops(viewerId: string): Promise<HiringTodoLoopRow[]> {
  const viewerAdmin = Prisma.sql`EXISTS (SELECT 1 FROM "HiringOpeningAdmin" a WHERE a."openingId" = l."openingId" AND a."userId" = ${viewerId})`;
  return parseRows(
    todoLoopRow,
    await readRows`
    SELECT l.id AS "loopId", l."debriefOpenedAt", c.name AS candidate, c."pipelineStage", o.title AS opening,
      CASE WHEN ${viewerAdmin} THEN 1 ELSE 0 END AS "viewerAdmin",
      i.id AS "interviewId", i."interviewerId", i."scheduledAt", i."createdAt", st.name AS stage,
      CASE WHEN i.id IS NOT NULL AND ${submittedCard} THEN 1 ELSE 0 END AS submitted,
      CASE WHEN EXISTS (SELECT 1 FROM "HiringScorecard" s WHERE s."interviewId" = i.id AND s.status = 'submitted') THEN 1 ELSE 0 END AS "anySubmitted"
    FROM "HiringLoop" l
    JOIN "HiringCandidate" c ON c.id = l."candidateId"
    JOIN "HiringOpening" o ON o.id = l."openingId"
    LEFT JOIN "HiringInterview" i ON i."loopId" = l.id
    LEFT JOIN "HiringStage" st ON st.id = i."stageId"
    WHERE l.decision IS NULL AND l.state = 'open' AND c."purgedAt" IS NULL
      AND (${viewerAdmin} OR EXISTS (SELECT 1 FROM "HiringInterview" x WHERE x."loopId" = l.id AND x."interviewerId" = ${viewerId}))
    ORDER BY l."createdAt", l.id, i."scheduledAt", i."createdAt", i.id`,
  );
}

/**
 * Candidates not purged, in an active stage of the pipeline, with a loop in an opening the person is
 * a hiring admin of: a row per loop of theirs (in any opening, oldest first), with the person's own
 * interviews in it, in one statement. Raw, for the home page's to-dos, as hiringTodoLoops.
 */
export async function hiringTodoCandidates(viewerId: string): Promise<HiringTodoCandidateRow[]> {
  return parseRows(
    todoCandidateRow,
    await readRows`
    SELECT c.id AS "candidateId", c.name AS candidate, c."pipelineStage", c."pipelineStageSince" AS since,
      l.id AS "loopId", l.state, CASE WHEN l.decision IS NULL THEN 0 ELSE 1 END AS decided, o.id AS "openingId", o.title AS opening,
      CASE WHEN EXISTS (SELECT 1 FROM "HiringOpeningAdmin" a WHERE a."openingId" = o.id AND a."userId" = ${viewerId}) THEN 1 ELSE 0 END AS "viewerAdmin",
      i."interviewerId", CASE WHEN i.id IS NOT NULL AND ${submittedCard} THEN 1 ELSE 0 END AS submitted
    FROM "HiringCandidate" c
    JOIN "HiringLoop" l ON l."candidateId" = c.id
    JOIN "HiringOpening" o ON o.id = l."openingId"
    LEFT JOIN "HiringInterview" i ON i."loopId" = l.id AND i."interviewerId" = ${viewerId}
    WHERE c."purgedAt" IS NULL AND c."pipelineStage" IN (${words(ACTIVE_STAGES)})
      AND EXISTS (SELECT 1 FROM "HiringLoop" ml JOIN "HiringOpeningAdmin" a ON a."openingId" = ml."openingId" WHERE ml."candidateId" = c.id AND a."userId" = ${viewerId})
    ORDER BY c."pipelineStageSince", c.id, l."createdAt", l.id`,
  );
}

const loadRow = z.object({ personId: z.string(), interviews: sqlInt });

/**
 * How many interviews each person holds or sits in on as a trainee between `start` and `end`: an
 * interview counts at its time or, not scheduled yet, when it was staffed. One statement, a row a
 * person and role that has any.
 */
export async function interviewsInWeek(
  personIds: readonly string[],
  start: Date,
  end: Date,
): Promise<{ personId: string; interviews: number }[]> {
  const inWeek = (i: string) =>
    Prisma.sql`(${Prisma.raw(i)}."scheduledAt" >= ${start} AND ${Prisma.raw(i)}."scheduledAt" < ${end}
      OR ${Prisma.raw(i)}."scheduledAt" IS NULL AND ${Prisma.raw(i)}."createdAt" >= ${start} AND ${Prisma.raw(i)}."createdAt" < ${end})`;
  return parseRows(
    loadRow,
    await readRows`
      SELECT i."interviewerId" AS "personId", COUNT(*) AS interviews FROM "HiringInterview" i
      WHERE i."interviewerId" IN (${Prisma.join(personIds)}) AND ${inWeek("i")}
      GROUP BY i."interviewerId"
      UNION ALL
      SELECT s."traineeId", COUNT(*) FROM "HiringTraineeSeat" s JOIN "HiringInterview" si ON si.id = s."interviewId"
      WHERE s."traineeId" IN (${Prisma.join(personIds)}) AND ${inWeek("si")}
      GROUP BY s."traineeId"`,
  );
}
