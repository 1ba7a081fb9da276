import { randomUUID } from "node:crypto";
import { db, type Prisma } from "../../app/db/client.server.ts";
import { servedLadderVersion } from "../../app/modules/ladders/registry.server.ts";
import { getEnv } from "../../app/utils/env.server.ts";
import { seeded as random } from "./random.ts";

/**
 * Past hiring for benchmarks: openings at four levels of the engineering ladder, each with a
 * three-stage plan of ten competencies, and `loops` decided loops spread over two years, four to
 * six interviewers each from a pool of existing people, every card submitted; plus one loop of six
 * interviewers × ten competencies whose debrief is open, and another candidate's panel interview whose
 * card is not written yet. Scores come from the candidate's ability
 * plus each interviewer's own leniency plus noise, so offsets and agreement have something to find.
 * Deterministic for a given seed (apart from row ids).
 *
 * Rows go in as multi-row INSERT statements, as in review-history.ts: Prisma's createMany spends
 * most of its time in its client at this size.
 */

export type HiringHistoryOptions = {
  /** Decided loops to add. */
  loops?: number;
  /** How many existing people interview. */
  interviewers?: number;
  /** People never drawn as interviewers (the bench's light signed-in engineer). */
  exclude?: readonly string[];
  /** The hiring admin of every opening. */
  adminId: string;
  seed?: number;
  now?: Date;
  log?: (message: string) => void;
};

export type HiringHistorySummary = {
  openings: number;
  loops: number;
  cards: number;
  scores: number;
  debriefLoopId: string;
  pipelineOpeningId: string;
  /** A panel interview of ten competencies whose interviewer has not written their card. */
  scorecardInterviewId: string;
  scorecardInterviewerId: string;
};

const BULK_ROWS = 1000;
const LOOPS_PER_WRITE = 500;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const STAGES = [
  { name: "Coding", competencyIds: ["code-quality", "testing", "operations"] },
  { name: "System design", competencyIds: ["system-design", "technical-judgement", "security"] },
  {
    name: "Collaboration",
    competencyIds: ["collaboration", "written-communication", "feedback", "planning"],
  },
];
const COMPETENCIES = STAGES.flatMap((stage) => stage.competencyIds);
const LEVELS = ["ic2", "ic3", "ic4", "ic5"];

type ColumnKind = "text" | "int" | "date";
type Value = string | number | Date | null;
type Table = { name: string; columns: [string, ColumnKind][] };

const CANDIDATE: Table = {
  name: "HiringCandidate",
  columns: [
    ["id", "text"],
    ["name", "text"],
    ["email", "text"],
    ["source", "text"],
    ["notes", "text"],
    ["createdById", "text"],
    ["createdAt", "date"],
    ["updatedAt", "date"],
    ["rejectedAt", "date"],
    ["pipelineStage", "text"],
    ["pipelineStageSince", "date"],
  ],
};
const MOVE: Table = {
  name: "HiringPipelineMove",
  columns: [
    ["id", "text"],
    ["candidateId", "text"],
    ["fromStage", "text"],
    ["toStage", "text"],
    ["reason", "text"],
    ["note", "text"],
    ["movedById", "text"],
    ["movedAt", "date"],
  ],
};
const LOOP: Table = {
  name: "HiringLoop",
  columns: [
    ["id", "text"],
    ["openingId", "text"],
    ["candidateId", "text"],
    ["state", "text"],
    ["decision", "text"],
    ["rationale", "text"],
    ["decidedById", "text"],
    ["decidedAt", "date"],
    ["createdAt", "date"],
    ["updatedAt", "date"],
  ],
};
const INTERVIEW: Table = {
  name: "HiringInterview",
  columns: [
    ["id", "text"],
    ["loopId", "text"],
    ["stageId", "text"],
    ["interviewerId", "text"],
    ["scheduledAt", "date"],
    ["createdAt", "date"],
  ],
};
const SCORECARD: Table = {
  name: "HiringScorecard",
  columns: [
    ["id", "text"],
    ["interviewId", "text"],
    ["authorId", "text"],
    ["status", "text"],
    ["recommendation", "text"],
    ["summary", "text"],
    ["revision", "int"],
    ["submittedAt", "date"],
    ["createdAt", "date"],
    ["updatedAt", "date"],
  ],
};
const SCORE: Table = {
  name: "HiringScore",
  columns: [
    ["scorecardId", "text"],
    ["competencyId", "text"],
    ["score", "int"],
    ["notes", "text"],
  ],
};

/** Dates as Prisma itself writes them on each database: ISO text on SQLite, timestamp(3) on PostgreSQL. */
function placeholder(kind: ColumnKind, position: number, postgres: boolean): string {
  if (!postgres) return "?";
  return kind === "date" ? `$${position}::timestamp(3)` : `$${position}`;
}

function encode(value: Value, kind: ColumnKind): string | number | null {
  if (value === null) return null;
  if (kind === "date") return (value as Date).toISOString().replace("Z", "+00:00");
  return value as string | number;
}

async function bulkInsert(tx: Prisma.TransactionClient, table: Table, rows: Value[][]) {
  const postgres = getEnv().databaseProvider === "postgresql";
  const columns = table.columns.map(([name]) => `"${name}"`).join(", ");
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const chunk = rows.slice(start, start + BULK_ROWS);
    let position = 0;
    const tuples = chunk.map(
      () =>
        `(${table.columns.map(([, kind]) => placeholder(kind, ++position, postgres)).join(", ")})`,
    );
    const values = chunk.flatMap((row) =>
      row.map((value, index) => encode(value, table.columns[index]![1])),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table.name}" (${columns}) VALUES ${tuples.join(", ")}`,
      ...values,
    );
  }
}

/** A roughly normal draw (the sum of three uniforms), mean 0 and standard deviation `sd`. */
function normal(next: () => number, sd: number): number {
  return (next() + next() + next() - 1.5) * 2 * sd;
}

const clamp = (value: number) => Math.max(1, Math.min(4, Math.round(value)));

function recommendationFor(mean: number): string {
  return mean >= 3.5 ? "strong-yes" : mean >= 2.75 ? "yes" : mean >= 2 ? "no" : "strong-no";
}

type Rows = {
  candidates: Value[][];
  moves: Value[][];
  loops: Value[][];
  interviews: Value[][];
  cards: Value[][];
  scores: Value[][];
};

const emptyRows = (): Rows => ({
  candidates: [],
  moves: [],
  loops: [],
  interviews: [],
  cards: [],
  scores: [],
});

/** A candidate's way through the pipeline: [from, to, reason, when], the first their entry; the candidate row ends where the last move does. */
function addCandidate(
  rows: Rows,
  adminId: string,
  candidate: [string, string, string],
  createdAt: Date,
  updatedAt: Date,
  moves: [string | null, string, string | null, Date][],
) {
  const [id, name, email] = candidate;
  const [, stage, , since] = moves.at(-1)!;
  rows.candidates.push([
    id,
    name,
    email,
    "Bench",
    "",
    adminId,
    createdAt,
    updatedAt,
    stage === "rejected" ? since : null,
    stage,
    since,
  ]);
  for (const [from, to, reason, at] of moves)
    rows.moves.push([randomUUID(), id, from, to, reason, "", adminId, at]);
}

async function write(rows: Rows) {
  await db.$transaction(
    async (tx) => {
      await bulkInsert(tx, CANDIDATE, rows.candidates);
      await bulkInsert(tx, MOVE, rows.moves);
      await bulkInsert(tx, LOOP, rows.loops);
      await bulkInsert(tx, INTERVIEW, rows.interviews);
      await bulkInsert(tx, SCORECARD, rows.cards);
      await bulkInsert(tx, SCORE, rows.scores);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** One interviewer's submitted card: a row for the interview, the card and each competency of the stage. */
function addCard(
  rows: Rows,
  loopId: string,
  stage: { id: string; competencyIds: string[] },
  interviewerId: string,
  scores: number[],
  scheduledAt: Date,
  submittedAt: Date,
) {
  const interviewId = randomUUID();
  const cardId = randomUUID();
  rows.interviews.push([interviewId, loopId, stage.id, interviewerId, scheduledAt, scheduledAt]);
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  rows.cards.push([
    cardId,
    interviewId,
    interviewerId,
    "submitted",
    recommendationFor(mean),
    "Bench summary.",
    1,
    submittedAt,
    scheduledAt,
    submittedAt,
  ]);
  stage.competencyIds.forEach((competencyId, index) =>
    rows.scores.push([cardId, competencyId, scores[index]!, "Bench evidence."]),
  );
}

export async function seedHiringHistory(
  options: HiringHistoryOptions,
): Promise<HiringHistorySummary> {
  const loopCount = options.loops ?? 2000;
  const next = random(options.seed ?? 15);
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const pool = await db.user.findMany({
    where: {
      deactivatedAt: null,
      teamId: { not: null },
      id: { notIn: [...(options.exclude ?? [])] },
    },
    orderBy: { email: "asc" },
    take: options.interviewers ?? 200,
    select: { id: true },
  });
  if (pool.length < 6)
    throw new Error("hiring history needs at least six people with a team to interview");
  const leniency = new Map(pool.map((person) => [person.id, normal(next, 0.35)]));

  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("hiring history needs the engineering ladder served");
  const openings = [];
  for (const levelId of LEVELS) {
    openings.push(
      await db.hiringOpening.create({
        data: {
          title: `Bench opening ${levelId}`,
          ladderId: "engineering",
          ladderVersionId: served.versionId,
          trackId: "ic",
          levelId,
          state: "closed",
          createdById: options.adminId,
          admins: { create: { userId: options.adminId } },
          stages: {
            create: STAGES.map((stage, position) => ({
              name: stage.name,
              position,
              competencyIds: JSON.stringify(stage.competencyIds),
            })),
          },
        },
        select: {
          id: true,
          stages: { orderBy: { position: "asc" }, select: { id: true, competencyIds: true } },
        },
      }),
    );
  }

  let rows = emptyRows();
  let cards = 0;
  let scores = 0;
  for (let index = 0; index < loopCount; index++) {
    const opening = openings[index % openings.length]!;
    const candidateId = randomUUID();
    const loopId = randomUUID();
    const scheduledAt = new Date(now.getTime() - (30 + Math.floor(next() * 700)) * DAY);
    const ability = 2.7 + normal(next, 0.6);
    // Two interviewers for coding and design, one or two for collaboration: four to six people, none twice.
    const panel = new Set<string>();
    const size = 4 + Math.floor(next() * 3);
    while (panel.size < size) panel.add(pool[Math.floor(next() * pool.length)]!.id);
    const interviewers = [...panel];
    const stageOf = (position: number) => (position < 2 ? 0 : position < 4 ? 1 : 2);
    let total = 0;
    let count = 0;
    interviewers.forEach((interviewerId, position) => {
      const stage = opening.stages[stageOf(position)]!;
      const competencyIds = JSON.parse(stage.competencyIds) as string[];
      const given = competencyIds.map(() =>
        clamp(ability + leniency.get(interviewerId)! + normal(next, 0.5)),
      );
      total += given.reduce((sum, score) => sum + score, 0);
      count += given.length;
      addCard(
        rows,
        loopId,
        { id: stage.id, competencyIds },
        interviewerId,
        given,
        scheduledAt,
        new Date(scheduledAt.getTime() + (1 + next() * 72) * HOUR),
      );
      cards += 1;
      scores += given.length;
    });
    const hire = total / count >= 3;
    const decidedAt = new Date(scheduledAt.getTime() + 4 * DAY);
    // Screened the week before the interviews; a hire takes the offer two weeks after the decision.
    const hiredAt = new Date(decidedAt.getTime() + 14 * DAY);
    addCandidate(
      rows,
      options.adminId,
      [candidateId, `Bench candidate ${index + 1}`, `candidate${index + 1}@bench.example.net`],
      new Date(scheduledAt.getTime() - 7 * DAY),
      decidedAt,
      [
        [null, "screen", null, new Date(scheduledAt.getTime() - 7 * DAY)],
        ["screen", "interviews", null, new Date(scheduledAt.getTime() - 3 * DAY)],
        ...(hire
          ? ([
              ["interviews", "offer", null, decidedAt],
              ...(hiredAt < now ? [["offer", "hired", null, hiredAt]] : []),
            ] as [string, string, null, Date][])
          : ([["interviews", "rejected", "interviews", decidedAt]] as [
              string,
              string,
              string,
              Date,
            ][])),
      ],
    );
    rows.loops.push([
      loopId,
      opening.id,
      candidateId,
      "decided",
      hire ? "hire" : "no-hire",
      "Bench decision.",
      options.adminId,
      decidedAt,
      scheduledAt,
      decidedAt,
    ]);
    if ((index + 1) % LOOPS_PER_WRITE === 0) {
      await write(rows);
      rows = emptyRows();
      log(`hiring history: ${index + 1} of ${loopCount} loops`);
    }
  }
  await write(rows);

  // The debrief the bench reads: six interviewers, each scoring all ten competencies, every card in.
  const debriefOpening = await db.hiringOpening.create({
    data: {
      title: "Bench debrief",
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      trackId: "ic",
      levelId: "ic3",
      createdById: options.adminId,
      admins: { create: { userId: options.adminId } },
      stages: {
        create: {
          name: "Panel interview",
          position: 0,
          competencyIds: JSON.stringify(COMPETENCIES),
        },
      },
    },
    select: { id: true, stages: { select: { id: true } } },
  });
  rows = emptyRows();
  const debriefLoopId = randomUUID();
  const candidateId = randomUUID();
  const scheduledAt = new Date(now.getTime() - DAY);
  addCandidate(
    rows,
    options.adminId,
    [candidateId, "Bench debrief candidate", "debrief@bench.example.net"],
    scheduledAt,
    scheduledAt,
    [
      [null, "screen", null, new Date(scheduledAt.getTime() - 7 * DAY)],
      ["screen", "interviews", null, new Date(scheduledAt.getTime() - 3 * DAY)],
    ],
  );
  rows.loops.push([
    debriefLoopId,
    debriefOpening.id,
    candidateId,
    "open",
    null,
    "",
    null,
    null,
    scheduledAt,
    scheduledAt,
  ]);
  for (const person of pool.slice(0, 6)) {
    addCard(
      rows,
      debriefLoopId,
      { id: debriefOpening.stages[0]!.id, competencyIds: COMPETENCIES },
      person.id,
      COMPETENCIES.map(() => clamp(2.8 + leniency.get(person.id)! + normal(next, 0.7))),
      scheduledAt,
      new Date(scheduledAt.getTime() + 2 * HOUR),
    );
  }
  // Another candidate's panel interview, today, with no card yet: the scorecard its interviewer fills
  // (a seventh interviewer when the pool has one).
  const scorer = pool[6 % pool.length]!.id;
  const scoringLoopId = randomUUID();
  const scoringCandidateId = randomUUID();
  const scorecardInterviewId = randomUUID();
  addCandidate(
    rows,
    options.adminId,
    [scoringCandidateId, "Bench scorecard candidate", "scorecard@bench.example.net"],
    scheduledAt,
    scheduledAt,
    [
      [null, "screen", null, new Date(scheduledAt.getTime() - 7 * DAY)],
      ["screen", "interviews", null, new Date(scheduledAt.getTime() - 3 * DAY)],
    ],
  );
  rows.loops.push([
    scoringLoopId,
    debriefOpening.id,
    scoringCandidateId,
    "open",
    null,
    "",
    null,
    null,
    scheduledAt,
    scheduledAt,
  ]);
  rows.interviews.push([
    scorecardInterviewId,
    scoringLoopId,
    debriefOpening.stages[0]!.id,
    scorer,
    now,
    scheduledAt,
  ]);
  await write(rows);
  return {
    openings: openings.length + 1,
    loops: loopCount + 1,
    cards: cards + 6,
    scores: scores + 60,
    debriefLoopId,
    pipelineOpeningId: openings[0]!.id,
    scorecardInterviewId,
    scorecardInterviewerId: scorer,
  };
}
