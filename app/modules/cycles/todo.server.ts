import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import type { TodoFacts } from "~/modules/todo/todo";
import { toProgress } from "./cycle-progress";
import { readRows } from "~/db/reads.server";

type ReviewFacts = Pick<TodoFacts, "ownCycles" | "reportsToReview" | "cyclesToClose" | "reviewsOutsideCycles">;

const progress = sqlInt.transform(toProgress);
const todoRow = z.object({
  kind: z.enum(["own", "report", "outside", "close"]),
  cycleId: z.string().nullable(),
  cycleName: z.string().nullable(),
  endsOn: sqlDate.nullable(),
  selfProgress: progress.nullable(),
  managerProgress: progress.nullable(),
  canAssess: sqlInt.nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  assessmentId: z.string().nullable(),
});

/**
 * The home page's review to-dos (app/modules/todo), in one statement, from the kept progress of
 * cycles that have started and are not closed: the person's own place in each; their active
 * direct reports whose manager review is not submitted; reports whose latest self-assessment
 * outside any cycle has no manager review submitted since, while no cycle of theirs is under way
 * (a review would go into that cycle, which asks for it already); and for admins, open cycles
 * past their last day.
 */
export async function reviewTodoFacts(viewer: { id: string; isAdmin: boolean }, now: Date): Promise<ReviewFacts> {
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const text = Prisma.sql`CAST(NULL AS TEXT)`;
  const int = Prisma.sql`CAST(NULL AS INTEGER)`;
  const rows = parseRows(todoRow, await readRows`
    SELECT 'own' AS kind, c.id AS "cycleId", c.name AS "cycleName", c."endsOn", p."selfProgress", p."managerProgress",
      CASE WHEN u.level IS NOT NULL AND u."deactivatedAt" IS NULL THEN 1 ELSE 0 END AS "canAssess", ${text} AS "personId", ${text} AS "personName", ${text} AS "assessmentId"
    FROM "ReviewCycleParticipant" p
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    JOIN "User" u ON u.id = p."userId"
    WHERE p."userId" = ${viewer.id} AND c."closedAt" IS NULL AND c."startsOn" <= ${now}
    UNION ALL
    SELECT 'report', c.id, c.name, c."endsOn", p."selfProgress", p."managerProgress", ${int}, u.id, u.name, ${text}
    FROM "User" u
    JOIN "ReviewCycleParticipant" p ON p."userId" = u.id
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    WHERE u."managerId" = ${viewer.id} AND u."deactivatedAt" IS NULL AND c."closedAt" IS NULL AND c."startsOn" <= ${now} AND p."managerProgress" < 2
    UNION ALL
    SELECT 'outside', ${text}, ${text}, a."submittedAt", ${int}, ${int}, ${int}, u.id, u.name, a.id
    FROM "User" u
    JOIN "Assessment" a ON a."subjectId" = u.id AND a.kind = 'self' AND a.status = 'submitted' AND a."cycleId" IS NULL
    WHERE u."managerId" = ${viewer.id} AND u."deactivatedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Assessment" later
        WHERE later."subjectId" = u.id AND later.kind = 'self' AND later.status = 'submitted' AND later."cycleId" IS NULL
          AND (later."submittedAt" > a."submittedAt" OR (later."submittedAt" = a."submittedAt" AND later.id > a.id)))
      AND NOT EXISTS (SELECT 1 FROM "Assessment" m WHERE m."subjectId" = u.id AND m.kind = 'manager' AND m.status = 'submitted' AND m."submittedAt" >= a."submittedAt")
      AND NOT EXISTS (
        SELECT 1 FROM "ReviewCycleParticipant" cp JOIN "ReviewCycle" cc ON cc.id = cp."cycleId"
        WHERE cp."userId" = u.id AND cc."closedAt" IS NULL AND cc."startsOn" <= ${now})
    ${
      viewer.isAdmin
        ? Prisma.sql`UNION ALL
    SELECT 'close', c.id, c.name, c."endsOn", ${int}, ${int}, ${int}, ${text}, ${text}, ${text}
    FROM "ReviewCycle" c WHERE c."closedAt" IS NULL AND c."endsOn" < ${startOfToday}`
        : Prisma.empty
    }`);
  // Reports by name (then id), cycles to close oldest first: the same order on both databases.
  const byName = (a: { personName: string | null; personId: string | null }, b: typeof a) =>
    (a.personName ?? "") < (b.personName ?? "") ? -1 : (a.personName ?? "") > (b.personName ?? "") ? 1 : (a.personId ?? "") < (b.personId ?? "") ? -1 : 1;
  const cycle = (row: (typeof rows)[number]) => ({ id: row.cycleId!, name: row.cycleName!, endsOn: row.endsOn! });
  return {
    ownCycles: rows.filter((row) => row.kind === "own").map((row) => ({ cycle: cycle(row), selfProgress: row.selfProgress!, canAssess: row.canAssess === 1 })),
    reportsToReview: rows
      .filter((row) => row.kind === "report")
      .sort(byName)
      .map((row) => ({ cycle: cycle(row), person: { id: row.personId!, name: row.personName! }, selfProgress: row.selfProgress!, managerProgress: row.managerProgress! })),
    cyclesToClose: rows
      .filter((row) => row.kind === "close")
      .map(cycle)
      .sort((a, b) => a.endsOn.getTime() - b.endsOn.getTime()),
    reviewsOutsideCycles: rows
      .filter((row) => row.kind === "outside")
      .sort(byName)
      .map((row) => ({ assessmentId: row.assessmentId!, person: { id: row.personId!, name: row.personName! } })),
  };
}
