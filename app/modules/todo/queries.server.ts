import { z } from "zod";
import { db } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { toProgress } from "~/modules/cycles/cycle-progress";

/** The to-do list's SQL, each row parsed once into a typed object. */

const progress = sqlInt.transform(toProgress);

const ownRow = z.object({ cycleId: z.string(), cycleName: z.string(), endsOn: sqlDate, selfProgress: progress, level: z.string().nullable(), deactivatedAt: sqlDate.nullable() });

/** The person's own row in each cycle that has started and is not closed. */
export async function ownOpenCycles(personId: string, now: Date) {
  return parseRows(ownRow, await db.$queryRaw`
    SELECT c.id AS "cycleId", c.name AS "cycleName", c."endsOn", p."selfProgress", u.level, u."deactivatedAt"
    FROM "ReviewCycleParticipant" p
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    JOIN "User" u ON u.id = p."userId"
    WHERE p."userId" = ${personId} AND c."closedAt" IS NULL AND c."startsOn" <= ${now}`);
}

const reportRow = z.object({ cycleId: z.string(), cycleName: z.string(), endsOn: sqlDate, selfProgress: progress, managerProgress: progress, personId: z.string(), personName: z.string() });

/** The manager's active direct reports in cycles that have started and are not closed, whose manager review is not submitted. */
export async function reportsAwaitingReview(managerId: string, now: Date) {
  return parseRows(reportRow, await db.$queryRaw`
    SELECT c.id AS "cycleId", c.name AS "cycleName", c."endsOn", p."selfProgress", p."managerProgress", u.id AS "personId", u.name AS "personName"
    FROM "User" u
    JOIN "ReviewCycleParticipant" p ON p."userId" = u.id
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    WHERE u."managerId" = ${managerId} AND u."deactivatedAt" IS NULL AND c."closedAt" IS NULL AND c."startsOn" <= ${now} AND p."managerProgress" < 2
    ORDER BY u.name, u.id`);
}
