import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate } from "~/db/rows";

/**
 * Objectives with what the goals policy reads to decide who reads each, in three statements however
 * many there are: a company of thousands has thousands in a quarter (Prisma's nested reads of the
 * same took seconds for the goal tree, bench row "goal tree"). Only a person's objective is read by
 * some and not others (policy.readableByEveryone), so only theirs carry their owner's line, their
 * shares and their key results' people; of the others' key results, only whether the viewer is in
 * one. What a page shows of each comes after, for the few it shows (`objectiveDetails`).
 */
const objectiveRow = z.object({
  id: z.string(),
  level: z.string(),
  teamId: z.string().nullable(),
  ownerId: z.string(),
  parentId: z.string().nullable(),
  openToAll: sqlBool,
  ownerLinePath: z.string().nullable(),
  ownerTeamId: z.string().nullable(),
  createdAt: sqlDate,
});
const personRow = z.object({ objectiveId: z.string(), personId: z.string() });

export type ObjectiveFactsRow = z.output<typeof objectiveRow> & {
  /** For a person's objective: who it is shared with. */
  sharedWith: string[];
  /** For a person's objective: the owners and contributors of its key results. */
  keyResultPeople: string[];
  /** The viewer owns or contributes to one of its key results. */
  viewerInKeyResults: boolean;
};

/** A period's objectives, or those supporting one objective, in the order they were written. */
export async function objectivesWithFacts(
  scope: { periodId: string } | { parentId: string },
  viewerId: string,
): Promise<ObjectiveFactsRow[]> {
  const where =
    "periodId" in scope
      ? Prisma.sql`o."periodId" = ${scope.periodId}`
      : Prisma.sql`o."parentId" = ${scope.parentId}`;
  const [objectives, people, shares] = await Promise.all([
    readRows`
      SELECT o.id, o.level, o."teamId", o."ownerId", o."parentId", o."openToAll",
        CASE WHEN o.level = 'person' THEN u."linePath" END AS "ownerLinePath",
        u."teamId" AS "ownerTeamId", o."createdAt"
      FROM "Objective" o
      JOIN "User" u ON u.id = o."ownerId"
      WHERE ${where}`,
    readRows`
      SELECT k."objectiveId", k."ownerId" AS "personId"
      FROM "KeyResult" k JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where} AND (o.level = 'person' OR k."ownerId" = ${viewerId})
      UNION ALL
      SELECT k."objectiveId", kc."personId"
      FROM "KeyResultContributor" kc
      JOIN "KeyResult" k ON k.id = kc."keyResultId"
      JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where} AND (o.level = 'person' OR kc."personId" = ${viewerId})`,
    readRows`
      SELECT s."objectiveId", s."personId"
      FROM "ObjectiveShare" s JOIN "Objective" o ON o.id = s."objectiveId"
      WHERE ${where} AND o.level = 'person'`,
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
  // Sorted here: SQLite, asked to order the join, reads the owners first and takes four times as long.
  const written = parseRows(objectiveRow, objectives).sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return written.map((row) => {
    const keyResultPeople = peopleOf.get(row.id) ?? [];
    return {
      ...row,
      sharedWith: sharesOf.get(row.id) ?? [],
      keyResultPeople: row.level === "person" ? keyResultPeople : [],
      viewerInKeyResults: keyResultPeople.includes(viewerId),
    };
  });
}

/** What a page shows of the objectives it lists: titles, owners, teams, how many key results. */
export async function objectiveDetails(ids: readonly string[]) {
  const rows = await db.objective.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      title: true,
      commitment: true,
      owner: { select: { name: true } },
      team: { select: { name: true } },
      _count: { select: { keyResults: true } },
    },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
