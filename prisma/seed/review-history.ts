import { randomUUID } from "node:crypto";
import {
  expectationsFor,
  getLevel,
  getTrack,
  nextLevel,
  type Ladder,
} from "../../app/modules/ladders/index.ts";
import { ladderForLevel } from "../../app/modules/ladders/registry.server.ts";
import { db, type Prisma } from "../../app/db/client.server.ts";
import { getEnv } from "../../app/utils/env.server.ts";
import { recomputeCycle } from "../../app/modules/cycles/participant-progress.server.ts";
import { seeded as random } from "./random.ts";

/**
 * Past review cycles for an existing organisation, for benchmarks and local
 * exploration: each cycle closed, with a submitted self-assessment from every
 * active person with a track and level and a submitted review from their manager,
 * rating every competency of their level, some with evidence. Deterministic for a
 * given seed (apart from row ids). One transaction per cycle, which also computes each
 * participant's kept progress (recomputeCycle).
 *
 * A closed cycle of the same name already there (the demo's own, which covers part of the
 * organisation) is completed rather than skipped: the people not yet in it join it with
 * their assessments, so everyone ends with the cycles asked for.
 *
 * Rows go in as multi-row INSERT statements of BULK_ROWS rows. Prisma's createMany
 * does the same SQL but spent about 0.45 ms a row in its client on the 2-core bench
 * machine, three times the statement itself: 480,000 rows for two cycles of 5,000
 * people took minutes instead of tens of seconds.
 */

export type ReviewHistoryOptions = {
  /** How many half-yearly cycles to add, newest ending about a month ago. */
  cycles?: number;
  seed?: number;
  now?: Date;
  /** Share of ratings that get one piece of evidence. */
  evidenceShare?: number;
  log?: (message: string) => void;
};

export type ReviewHistorySummary = {
  /** Cycles made. */
  cycles: number;
  /** Cycles already there with everyone in them (or not closed: never written to). */
  skipped: string[];
  /** Cycles already there that people joined, with how many. */
  completed: { name: string; joined: number }[];
  participants: number;
  assessments: number;
  ratings: number;
  evidence: number;
};

// Rows per INSERT: at most 13 columns a row keeps a statement under SQLite's 32,766
// and PostgreSQL's 65,535 bound parameters.
const BULK_ROWS = 1000;
// People handled together, so memory stays flat whatever the organisation's size.
const PEOPLE_BATCH = 1000;
const DAY = 24 * 60 * 60 * 1000;

const EVIDENCE = [
  "Led the design review for the payments retry service and wrote up the decision.",
  "Paired with two newer engineers through their first on-call week.",
  "Cut the build time of the web app from 14 to 6 minutes.",
  "Ran the incident review after the search outage and followed up every action.",
  "Wrote the migration plan that moved three services off the old queue.",
  "Mentored an intern through a project that shipped to customers.",
  "Proposed and rolled out contract tests between checkout and inventory.",
  "Presented the quarterly reliability report to the product group.",
];

type Person = { id: string; managerId: string | null; level: string; track: string };
type LadderInfo = { ladder: Ladder; versionId: string };
type CyclePlan = { name: string; startsOn: Date; endsOn: Date; closedAt: Date };

/**
 * Half-year cycles, newest first: each four weeks long, the newest ending about 30 days before
 * `now`, each one six calendar months before the next, so each falls in the other half of its
 * year and no two share a name. (182 days apart, two cycles both fell in July to December when
 * the newest ended on 30 or 31 December, a half of 184 days.)
 */
export function planCycles(count: number, now: Date): CyclePlan[] {
  const plans: CyclePlan[] = [];
  const newest = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 30 * DAY,
  );
  for (let index = 0; index < count; index++) {
    // The 28th at most: every month has it, so stepping back by months never spills into the next.
    const endsOn = new Date(
      Date.UTC(
        newest.getUTCFullYear(),
        newest.getUTCMonth() - 6 * index,
        Math.min(newest.getUTCDate(), 28),
      ),
    );
    const startsOn = new Date(endsOn.getTime() - 27 * DAY);
    const half = endsOn.getUTCMonth() < 6 ? "Spring" : "Autumn";
    plans.push({
      name: `${half} ${endsOn.getUTCFullYear()} review`,
      startsOn,
      endsOn,
      closedAt: new Date(endsOn.getTime() + 7 * DAY),
    });
  }
  return plans;
}

const clamp = (value: number) => Math.max(1, Math.min(4, Math.round(value)));

export async function seedReviewHistory(
  options: ReviewHistoryOptions = {},
): Promise<ReviewHistorySummary> {
  const count = options.cycles ?? 2;
  const next = random(options.seed ?? 7);
  const evidenceShare = options.evidenceShare ?? 0.6;
  const log = options.log ?? (() => {});
  const people = (
    await db.user.findMany({
      where: { deactivatedAt: null, track: { not: null }, level: { not: null } },
      orderBy: { id: "asc" },
      select: { id: true, managerId: true, level: true, track: true },
    })
  ).filter((person): person is Person => person.level !== null && person.track !== null);
  const active = new Set(
    (await db.user.findMany({ where: { deactivatedAt: null }, select: { id: true } })).map(
      (user) => user.id,
    ),
  );

  const ladders = new Map<string, LadderInfo | null>();
  for (const level of new Set(people.map((person) => person.level))) {
    const found = await ladderForLevel(level);
    ladders.set(level, found ? { ladder: found.ladder, versionId: found.versionId } : null);
  }
  const assessable = people.filter((person) => {
    const info = ladders.get(person.level);
    return (
      info && getTrack(info.ladder, person.track)?.levels.some((level) => level.id === person.level)
    );
  });
  // Each person's own leaning, so their profile is recognisable from one cycle to the next.
  const strength = new Map(assessable.map((person) => [person.id, 2.2 + next() * 1.4]));

  const existing = new Map(
    (
      await db.reviewCycle.findMany({
        select: {
          id: true,
          name: true,
          closedAt: true,
          participants: { select: { userId: true } },
        },
      })
    ).map((cycle) => [cycle.name, cycle]),
  );
  const summary: ReviewHistorySummary = {
    cycles: 0,
    skipped: [],
    completed: [],
    participants: 0,
    assessments: 0,
    ratings: 0,
    evidence: 0,
  };
  const plans = planCycles(count, options.now ?? new Date()).reverse();
  for (const [index, plan] of plans.entries()) {
    const already = existing.get(plan.name);
    const inCycle = new Set(already?.participants.map((participant) => participant.userId) ?? []);
    const joining = already ? assessable.filter((person) => !inCycle.has(person.id)) : assessable;
    // An open cycle of that name is someone's real work: never written to.
    if (already && (already.closedAt === null || joining.length === 0)) {
      summary.skipped.push(plan.name);
      continue;
    }
    const started = performance.now();
    await db.$transaction(
      async (tx) => {
        const cycle =
          already ??
          (await tx.reviewCycle.create({
            data: {
              name: plan.name,
              startsOn: plan.startsOn,
              endsOn: plan.endsOn,
              closedAt: plan.closedAt,
            },
            select: { id: true },
          }));
        await bulkInsert(
          tx,
          PARTICIPANT_TABLE,
          joining.map((person) => [cycle.id, person.id]),
        );
        for (let start = 0; start < joining.length; start += PEOPLE_BATCH) {
          const rows = buildBatch(joining.slice(start, start + PEOPLE_BATCH), {
            cycleId: cycle.id,
            plan,
            growth: index * 0.15,
            ladders,
            strength,
            active,
            evidenceShare,
            next,
          });
          await bulkInsert(tx, ASSESSMENT_TABLE, rows.assessments);
          await bulkInsert(tx, RATING_TABLE, rows.ratings);
          await bulkInsert(tx, EVIDENCE_TABLE, rows.evidence);
          summary.assessments += rows.assessments.length;
          summary.ratings += rows.ratings.length;
          summary.evidence += rows.evidence.length;
        }
        await recomputeCycle(tx, cycle.id);
      },
      // Ten minutes, and more for an organisation so large that writing one cycle takes longer.
      { maxWait: 30_000, timeout: Math.max(600_000, joining.length * 12) },
    );
    if (already) summary.completed.push({ name: plan.name, joined: joining.length });
    else summary.cycles += 1;
    summary.participants += joining.length;
    log(
      `${plan.name}: ${joining.length.toLocaleString("en-GB")} participants${already ? " joined it" : ""} in ${Math.round(performance.now() - started)} ms`,
    );
  }
  return summary;
}

// ---------------------------------------------------------------- bulk rows

type ColumnKind = "text" | "int" | "date" | "json";
type Table = { name: string; columns: [string, ColumnKind][] };
type Value = string | number | Date | null;

const PARTICIPANT_TABLE: Table = {
  name: "ReviewCycleParticipant",
  columns: [
    ["cycleId", "text"],
    ["userId", "text"],
  ],
};
const ASSESSMENT_TABLE: Table = {
  name: "Assessment",
  columns: [
    ["id", "text"],
    ["kind", "text"],
    ["status", "text"],
    ["subjectId", "text"],
    ["authorId", "text"],
    ["cycleId", "text"],
    ["ladderVersionId", "text"],
    ["trackId", "text"],
    ["levelId", "text"],
    ["summary", "text"],
    ["revision", "int"],
    ["submittedAt", "date"],
    ["createdAt", "date"],
    ["updatedAt", "date"],
  ],
};
const RATING_TABLE: Table = {
  name: "AssessmentRating",
  columns: [
    ["id", "text"],
    ["assessmentId", "text"],
    ["competencyId", "text"],
    ["rating", "int"],
    ["notes", "text"],
    ["nextLevelMarks", "json"],
  ],
};
const EVIDENCE_TABLE: Table = {
  name: "RatingEvidence",
  columns: [
    ["id", "text"],
    ["ratingId", "text"],
    ["text", "text"],
    ["url", "text"],
    ["occurredOn", "date"],
    ["createdAt", "date"],
  ],
};

/** Dates as Prisma itself writes them on each database: ISO text on SQLite, timestamp(3) on PostgreSQL. */
function placeholder(kind: ColumnKind, position: number, postgres: boolean): string {
  if (!postgres) return "?";
  if (kind === "date") return `$${position}::timestamp(3)`;
  if (kind === "json") return `$${position}::jsonb`;
  return `$${position}`;
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

type BatchContext = {
  cycleId: string;
  plan: CyclePlan;
  /** Older cycles rate a little lower, so history shows growth. */
  growth: number;
  ladders: Map<string, LadderInfo | null>;
  strength: Map<string, number>;
  active: Set<string>;
  evidenceShare: number;
  next: () => number;
};

function buildBatch(people: Person[], context: BatchContext) {
  const { plan, next } = context;
  const assessments: Value[][] = [];
  const ratings: Value[][] = [];
  const evidence: Value[][] = [];
  const span = plan.endsOn.getTime() - plan.startsOn.getTime();
  const createdAt = plan.startsOn;
  for (const person of people) {
    const { ladder, versionId } = context.ladders.get(person.level)!;
    // Only what the level rates: a competency that applies from (or up to) another level carries no expectation here.
    const competencyIds = getLevel(ladder, person.level)?.competencyIds ?? [];
    const above = nextLevel(ladder, person.level);
    const base = context.strength.get(person.id)! + context.growth;
    const selfId = randomUUID();
    const selfSubmittedAt = new Date(plan.startsOn.getTime() + next() * span * 0.7);
    const common = (
      id: string,
      kind: string,
      authorId: string,
      summary: string,
      submittedAt: Date,
    ): Value[] => [
      id,
      kind,
      "submitted",
      person.id,
      authorId,
      context.cycleId,
      versionId,
      person.track,
      person.level,
      summary,
      1,
      submittedAt,
      createdAt,
      submittedAt,
    ];
    assessments.push(
      common(
        selfId,
        "self",
        person.id,
        "A steady half-year; most proud of the work with the wider team.",
        selfSubmittedAt,
      ),
    );
    const managerId =
      person.managerId && context.active.has(person.managerId) ? person.managerId : null;
    const reviewId = managerId ? randomUUID() : null;
    if (managerId && reviewId) {
      const submittedAt = new Date(selfSubmittedAt.getTime() + (0.1 + next() * 0.3) * span);
      assessments.push(
        common(
          reviewId,
          "manager",
          managerId,
          "Solid at the level, with clear next steps towards the next one.",
          submittedAt,
        ),
      );
    }
    for (const competencyId of competencyIds) {
      const self = clamp(base + (next() - 0.5) * 1.6);
      const roll = next();
      const manager = clamp(self + (roll < 0.01 ? -2 : roll < 0.15 ? -1 : roll > 0.92 ? 1 : 0));
      const expectations = above ? expectationsFor(ladder, above.id, competencyId).length : 0;
      for (const [assessmentId, rating] of [
        [selfId, self],
        [reviewId, manager],
      ] as const) {
        if (!assessmentId) continue;
        const ratingId = randomUUID();
        ratings.push([
          ratingId,
          assessmentId,
          competencyId,
          rating,
          "",
          expectations ? JSON.stringify(nextLevelMarks(expectations, rating, next)) : null,
        ]);
        if (next() < context.evidenceShare) {
          evidence.push([
            randomUUID(),
            ratingId,
            EVIDENCE[Math.floor(next() * EVIDENCE.length)]!,
            next() < 0.3 ? "https://example.com/docs/design-review" : null,
            new Date(plan.startsOn.getTime() - Math.floor(next() * 120) * DAY),
            createdAt,
          ]);
        }
      }
    }
  }
  return { assessments, ratings, evidence };
}

/** Which of the next level's expectations look met, going by the rating at this level. */
function nextLevelMarks(
  expectations: number,
  rating: number,
  next: () => number,
): Record<string, string> {
  const marks: Record<string, string> = {};
  for (let index = 0; index < expectations; index++) {
    const roll = next() + (rating - 2.5) * 0.25;
    marks[String(index)] = roll > 0.75 ? "met" : roll > 0.35 ? "partly" : "not-met";
  }
  return marks;
}
