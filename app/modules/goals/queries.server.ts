import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlInt } from "~/db/rows";
import { OBJECTIVE_READERS, supportedReadByEveryone, type ReaderPart } from "./policy";
import type { Supporters } from "./tree";

const countRow = z.object({ count: sqlInt });
const supporterPageRow = z.object({ id: z.string(), level: z.string() });

/**
 * One page of the objectives supporting one that the viewer reads (the policy's reader parts asked
 * in the statement, as the goal tree asks them), in the order they were written, and how many there
 * are: a company objective of thousands has thousands of supporters, and its page lists fifty. A
 * page past the end gives the last.
 */
export async function readableSupporters(
  parentId: string,
  viewerId: string,
  page: number,
  size: number,
): Promise<{ rows: z.output<typeof supporterPageRow>[]; total: number; page: number }> {
  const readable = Prisma.sql`o."parentId" = ${parentId} AND ${readableSql(viewerId)}`;
  const [counted] = parseRows(
    countRow,
    await readRows`SELECT COUNT(*) AS count FROM "Objective" o JOIN "User" u ON u.id = o."ownerId" WHERE ${readable}`,
  );
  const total = counted?.count ?? 0;
  const current = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / size)));
  const rows = total
    ? parseRows(
        supporterPageRow,
        await readRows`
          SELECT o.id, o.level FROM "Objective" o JOIN "User" u ON u.id = o."ownerId"
          WHERE ${readable}
          ORDER BY o."createdAt", o.id
          LIMIT ${size} OFFSET ${(current - 1) * size}`,
      )
    : [];
  return { rows, total, page: current };
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
        return Prisma.sql`${o}.id IN (SELECT s."objectiveId" FROM "ObjectiveShare" s WHERE s."personId" = ${viewerId})`;
      case "keyResultPeople":
        return inKeyResultsSql(viewerId, o);
    }
  };
  return Prisma.sql`(${Prisma.join(OBJECTIVE_READERS.map(part), " OR ")})`;
}

function inKeyResultsSql(personId: string, o: Prisma.Sql): Prisma.Sql {
  // Not correlated: the person's few key results are read once a statement, not once a row.
  return Prisma.sql`${o}.id IN (
    SELECT k."objectiveId" FROM "KeyResult" k WHERE k."ownerId" = ${personId}
    UNION SELECT k."objectiveId" FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
      WHERE kc."personId" = ${personId})`;
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
