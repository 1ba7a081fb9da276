import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { readRows } from "~/db/reads.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/**
 * Stretch opportunities' to-dos (app/modules/todo): a manager is told of each report's interest
 * until they open the opportunity; a poster chooses among the people interested in their open
 * opportunity by the day it starts; a person is told of the choice until they have read it. Not
 * asked at a moment: time alone changes none (an opportunity stays open until its poster decides or
 * withdraws it; the day it starts is only the choice's due date).
 */
const todoRow = z.object({
  kind: z.enum(["interest", "decide", "outcome"]),
  opportunityId: z.string(),
  title: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  interested: sqlInt.nullable(),
  startsOn: sqlDate.nullable(),
  outcome: z.string().nullable(),
  at: sqlDate,
});

/** The three kinds of opportunity to-do in one statement (and the to-do list's probe): the home page asks every workflow once. */
export function opportunityTodoRead(viewer: { id: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT 'interest' AS kind, o.id AS "opportunityId", o.title, i."personId", p.name AS "personName", CAST(NULL AS INTEGER) AS interested, CAST(NULL AS TIMESTAMP) AS "startsOn", CAST(NULL AS TEXT) AS outcome, i."createdAt" AS at, i.id AS tie
    FROM "OpportunityInterest" i JOIN "Opportunity" o ON o.id = i."opportunityId" JOIN "User" p ON p.id = i."personId"
    WHERE i."managerId" = ${viewer.id} AND i."managerSeenAt" IS NULL AND o.status = 'open'
    UNION ALL
    SELECT 'decide', o.id, o.title, CAST(NULL AS TEXT), CAST(NULL AS TEXT), (SELECT COUNT(*) FROM "OpportunityInterest" c WHERE c."opportunityId" = o.id), o."startsOn", CAST(NULL AS TEXT), o."startsOn", o.id
    FROM "Opportunity" o
    WHERE o."posterId" = ${viewer.id} AND o.status = 'open' AND EXISTS (SELECT 1 FROM "OpportunityInterest" e WHERE e."opportunityId" = o.id)
    UNION ALL
    SELECT 'outcome', o.id, o.title, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS INTEGER), CAST(NULL AS TIMESTAMP), i.outcome, i."updatedAt", i.id
    FROM "OpportunityInterest" i JOIN "Opportunity" o ON o.id = i."opportunityId"
    WHERE i."personId" = ${viewer.id} AND i.outcome IS NOT NULL AND i."outcomeSeenAt" IS NULL
    ORDER BY kind, at, tie`;
}

export async function opportunityTodoFacts(viewer: {
  id: string;
}): Promise<
  Pick<TodoFacts, "opportunityInterests" | "opportunitiesToDecide" | "opportunityOutcomes">
> {
  const rows = parseRows(todoRow, await readRows(opportunityTodoRead(viewer)));
  const of = (kind: (typeof rows)[number]["kind"]) => rows.filter((row) => row.kind === kind);
  return {
    opportunityInterests: of("interest").map((row) => ({
      opportunityId: row.opportunityId,
      title: row.title,
      personId: row.personId!,
      personName: row.personName!,
    })),
    opportunitiesToDecide: of("decide").map((row) => ({
      opportunityId: row.opportunityId,
      title: row.title,
      interested: row.interested!,
      startsOn: row.startsOn!,
    })),
    opportunityOutcomes: of("outcome").map((row) => ({
      opportunityId: row.opportunityId,
      title: row.title,
      chosen: row.outcome === "chosen",
    })),
  };
}

/** Whose opportunity to-dos may have changed: the person, their manager and the poster of every interest written since. Time alone adds none. */
export async function opportunityTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const rows = await db.opportunityInterest.findMany({
    where: {
      OR: [
        { updatedAt: { gte: writtenSince } },
        { opportunity: { updatedAt: { gte: writtenSince } } },
      ],
    },
    select: { personId: true, managerId: true, opportunity: { select: { posterId: true } } },
  });
  return {
    people: [
      ...new Set(
        rows.flatMap((row) => [
          row.personId,
          row.opportunity.posterId,
          ...(row.managerId ? [row.managerId] : []),
        ]),
      ),
    ],
  };
}
