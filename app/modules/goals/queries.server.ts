import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { OBJECTIVE_READERS, supportedReadByEveryone, type ReaderPart } from "./policy";
import type { Supporters } from "./tree";

/**
 * The objectives supporting one objective, with what the goals policy reads to decide who reads
 * each, in three statements however many there are (a company objective of thousands has thousands
 * of supporters; its page lists them fifty to a page). Only a person's objective is read by some
 * and not others (policy.readableByEveryone), so only theirs carry their owner's line, their shares
 * and their key results' people. What a page shows of each comes after, for the few it shows (`objectiveDetails`).
 */
const objectiveRow = z.object({
  id: z.string(),
  level: z.string(),
  teamId: z.string().nullable(),
  ownerId: z.string(),
  parentId: z.string().nullable(),
  openToAll: sqlBool,
  ownerLinePath: z.string().nullable(),
  createdAt: sqlDate,
});
const personRow = z.object({ objectiveId: z.string(), personId: z.string() });

export type ObjectiveFactsRow = z.output<typeof objectiveRow> & {
  /** For a person's objective: who it is shared with. */
  sharedWith: string[];
  /** For a person's objective: the owners and contributors of its key results. */
  keyResultPeople: string[];
};

/** The objectives supporting one, in the order they were written. */
export async function objectivesWithFacts(parentId: string): Promise<ObjectiveFactsRow[]> {
  const where = Prisma.sql`o."parentId" = ${parentId}`;
  const [objectives, people, shares] = await Promise.all([
    readRows`
      SELECT o.id, o.level, o."teamId", o."ownerId", o."parentId", o."openToAll",
        CASE WHEN o.level = 'person' THEN u."linePath" END AS "ownerLinePath", o."createdAt"
      FROM "Objective" o
      JOIN "User" u ON u.id = o."ownerId"
      WHERE ${where}`,
    readRows`
      SELECT k."objectiveId", k."ownerId" AS "personId"
      FROM "KeyResult" k JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where} AND o.level = 'person'
      UNION ALL
      SELECT k."objectiveId", kc."personId"
      FROM "KeyResultContributor" kc
      JOIN "KeyResult" k ON k.id = kc."keyResultId"
      JOIN "Objective" o ON o.id = k."objectiveId"
      WHERE ${where} AND o.level = 'person'`,
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
  return written.map((row) => ({
    ...row,
    sharedWith: sharesOf.get(row.id) ?? [],
    keyResultPeople: peopleOf.get(row.id) ?? [],
  }));
}

/** What a page shows of the objectives it lists: titles, owners, teams, how many key results. */
export async function objectiveDetails(ids: readonly string[]) {
  const rows = await db.objective.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      level: true,
      parentId: true,
      openToAll: true,
      title: true,
      commitment: true,
      owner: { select: { name: true } },
      team: { select: { name: true } },
      _count: { select: { keyResults: true } },
    },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which objectives a goal tree keeps besides the policy's: all it reads, the viewer's, or their team's. */
export type TreeScope = {
  periodId: string;
  viewerId: string;
  viewerTeamId: string | null;
  filter: "all" | "mine" | "team";
};

/** The policy's reader parts (policy.OBJECTIVE_READERS) asked of the objective `o` owned by `u`. */
function readableSql(viewerId: string, o = Prisma.raw("o"), u = Prisma.raw("u")): Prisma.Sql {
  const part = (reader: ReaderPart): Prisma.Sql => {
    if ("everyone" in reader)
      // A bare boolean column reads as a condition on both databases (0 and 1 on SQLite).
      return reader.everyone === "openToAll"
        ? Prisma.sql`${o}."openToAll"`
        : reader.levels.length === 0
          ? Prisma.sql`(1 = 0)`
          : Prisma.sql`${o}.level IN (${Prisma.join(reader.levels)})`;
    switch (reader.viewer) {
      case "owner":
        return Prisma.sql`${o}."ownerId" = ${viewerId}`;
      case "ownerChain":
        return Prisma.sql`${u}."linePath" LIKE ${`%/${viewerId}/%`}`;
      case "sharedWith":
        return Prisma.sql`EXISTS (SELECT 1 FROM "ObjectiveShare" s WHERE s."objectiveId" = ${o}.id AND s."personId" = ${viewerId})`;
      case "keyResultPeople":
        return inKeyResultsSql(viewerId, o);
    }
  };
  return Prisma.sql`(${Prisma.join(OBJECTIVE_READERS.map(part), " OR ")})`;
}

function inKeyResultsSql(personId: string, o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "KeyResult" k WHERE k."objectiveId" = ${o}.id AND k."ownerId" = ${personId})
    OR EXISTS (SELECT 1 FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
      WHERE k."objectiveId" = ${o}.id AND kc."personId" = ${personId}))`;
}

/** The viewer's own: they own it or one of its key results, or contribute to one. */
function mineSql(scope: TreeScope, o = Prisma.raw("o")): Prisma.Sql {
  return Prisma.sql`(${o}."ownerId" = ${scope.viewerId} OR ${inKeyResultsSql(scope.viewerId, o)})`;
}

/** Their team's: the team's objectives, and those of the team's people. */
function oursSql(scope: TreeScope, o = Prisma.raw("o"), u = Prisma.raw("u")): Prisma.Sql {
  if (scope.viewerTeamId === null) return Prisma.sql`(1 = 0)`;
  return Prisma.sql`(${o}."teamId" = ${scope.viewerTeamId} OR (${o}.level = 'person' AND ${u}."teamId" = ${scope.viewerTeamId}))`;
}

function keptSql(scope: TreeScope, o = Prisma.raw("o"), u = Prisma.raw("u")): Prisma.Sql {
  const filter =
    scope.filter === "mine"
      ? mineSql(scope, o)
      : scope.filter === "team"
        ? oursSql(scope, o, u)
        : Prisma.sql`(1 = 1)`;
  return Prisma.sql`${o}."periodId" = ${scope.periodId} AND ${readableSql(scope.viewerId, o, u)} AND ${filter}`;
}

const supporterRow = z.object({
  id: z.string(),
  under: z.string().nullable(),
  place: sqlInt,
  total: sqlInt,
});

/**
 * A goal tree's supporters, level by level (tree.ts's `ReadSupporters`): for each objective asked,
 * its first `limit` supporters the viewer reads and the scope keeps, the viewer's own and their
 * team's first, then in the order they were written, and how many there are. The top of the tree
 * (null) is the kept objectives supporting none the viewer keeps: with every supported objective one
 * everyone reads (policy.supportedReadByEveryone), those supporting nothing, through the period's
 * index, else those whose parent is not kept. One statement a level, however large the company.
 */
export async function treeSupporters(
  scope: TreeScope,
  parents: readonly (string | null)[],
  limit: number,
): Promise<Map<string | null, Supporters>> {
  const o = Prisma.raw("o");
  const atTop = parents.includes(null);
  const placed = atTop
    ? scope.filter === "all" && supportedReadByEveryone()
      ? Prisma.sql`o."parentId" IS NULL`
      : Prisma.sql`(o."parentId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "Objective" p JOIN "User" pu ON pu.id = p."ownerId"
          WHERE p.id = o."parentId" AND ${keptSql(scope, Prisma.raw("p"), Prisma.raw("pu"))}))`
    : Prisma.sql`o."parentId" IN (${Prisma.join(parents.filter((id) => id !== null))})`;
  const rows = await readRows`
    SELECT id, under, place, total FROM (
      SELECT id, under,
        ROW_NUMBER() OVER (PARTITION BY under ORDER BY near DESC, "createdAt", id) AS place,
        COUNT(*) OVER (PARTITION BY under) AS total
      FROM (
        SELECT o.id, ${atTop ? Prisma.sql`CAST(NULL AS TEXT)` : Prisma.sql`o."parentId"`} AS under, o."createdAt",
          CASE WHEN ${mineSql(scope, o)} OR ${oursSql(scope, o)} THEN 1 ELSE 0 END AS near
        FROM "Objective" o JOIN "User" u ON u.id = o."ownerId"
        WHERE ${placed} AND ${keptSql(scope, o)}
      ) kept
    ) ranked
    -- The first of each is read even when none is asked for, for the count.
    WHERE place <= ${Math.max(limit, 1)}
    ORDER BY under, place`;
  const found = new Map<string | null, Supporters>();
  for (const row of parseRows(supporterRow, rows)) {
    const supporters = found.get(row.under) ?? { ids: [], total: row.total };
    if (row.place <= limit) supporters.ids.push(row.id);
    found.set(row.under, supporters);
  }
  return found;
}
