import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlInt } from "~/db/rows";

/**
 * Objectives with what the goals policy reads to decide who reads each (its owner's line, who it is
 * shared with, the people of its key results), in three statements however many there are: a
 * company of thousands has thousands in a quarter, and Prisma's nested reads of the same took
 * seconds for the goal tree (bench row "goal tree").
 */
const objectiveRow = z.object({
  id: z.string(),
  level: z.string(),
  teamId: z.string().nullable(),
  ownerId: z.string(),
  title: z.string(),
  commitment: z.string(),
  parentId: z.string().nullable(),
  openToAll: sqlBool,
  ownerName: z.string(),
  ownerLinePath: z.string(),
  ownerTeamId: z.string().nullable(),
  teamName: z.string().nullable(),
  keyResults: sqlInt,
});
const personRow = z.object({ objectiveId: z.string(), personId: z.string() });

export type ObjectiveFactsRow = z.output<typeof objectiveRow> & {
  sharedWith: string[];
  /** The owners and contributors of its key results. */
  keyResultPeople: string[];
};

/** A period's objectives, or those supporting one objective, in the order they were written. */
export async function objectivesWithFacts(
  scope: { periodId: string } | { parentId: string },
): Promise<ObjectiveFactsRow[]> {
  const where =
    "periodId" in scope
      ? Prisma.sql`o."periodId" = ${scope.periodId}`
      : Prisma.sql`o."parentId" = ${scope.parentId}`;
  const [objectives, people, shares] = await Promise.all([
    readRows`
      SELECT o.id, o.level, o."teamId", o."ownerId", o.title, o.commitment, o."parentId", o."openToAll",
        u.name AS "ownerName", u."linePath" AS "ownerLinePath", u."teamId" AS "ownerTeamId",
        t.name AS "teamName",
        (SELECT COUNT(*) FROM "KeyResult" k WHERE k."objectiveId" = o.id) AS "keyResults"
      FROM "Objective" o
      JOIN "User" u ON u.id = o."ownerId"
      LEFT JOIN "Team" t ON t.id = o."teamId"
      WHERE ${where}
      ORDER BY o."createdAt", o.id`,
    readRows`
      SELECT k."objectiveId", k."ownerId" AS "personId"
      FROM "KeyResult" k JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where}
      UNION ALL
      SELECT k."objectiveId", kc."personId"
      FROM "KeyResultContributor" kc
      JOIN "KeyResult" k ON k.id = kc."keyResultId"
      JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where}`,
    readRows`
      SELECT s."objectiveId", s."personId"
      FROM "ObjectiveShare" s JOIN "Objective" o ON o.id = s."objectiveId"
      WHERE ${where}`,
  ]);
  const grouped = (rows: unknown[]) => {
    const byObjective = new Map<string, string[]>();
    for (const row of parseRows(personRow, rows)) {
      const list = byObjective.get(row.objectiveId) ?? [];
      list.push(row.personId);
      byObjective.set(row.objectiveId, list);
    }
    return byObjective;
  };
  const peopleOf = grouped(people);
  const sharesOf = grouped(shares);
  return parseRows(objectiveRow, objectives).map((row) => ({
    ...row,
    sharedWith: sharesOf.get(row.id) ?? [],
    keyResultPeople: peopleOf.get(row.id) ?? [],
  }));
}
