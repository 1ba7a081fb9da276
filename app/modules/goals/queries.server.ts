import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
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
  // The supporters' sets are only the reader's: no team is asked.
  const sets = viewerSetsSql(viewerId, null);
  const readable = Prisma.sql`o."parentId" = ${parentId} AND ${readableSql(viewerId)}`;
  const [counted] = parseRows(
    countRow,
    await readRows`${sets} SELECT COUNT(*) AS count FROM "Objective" o WHERE ${readable}`,
  );
  const total = counted?.count ?? 0;
  const current = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / size)));
  const rows = total
    ? parseRows(
        supporterPageRow,
        await readRows`${sets}
          SELECT o.id, o.level FROM "Objective" o
          WHERE ${readable}
          ORDER BY o."createdAt", o.id
          LIMIT ${size} OFFSET ${(current - 1) * size}`,
      )
    : [];
  return { rows, total, page: current };
}

/** What a page shows of the objectives it lists: titles, owners, teams. */
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
    },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

const LATEST_PART = 10_000;
const latestRow = z.object({ keyResultId: z.string(), value: z.number().nullable() });

/**
 * Each key result's latest value (by the moment it was for, then when it was written): a seek to the
 * end of each key result's check-ins in the (keyResultId, at) index, not every check-in of the quarter.
 */
export async function latestValues(keyResultIds: readonly string[]): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  // A period's close asks every key result of the period: lists bound in parts, as Prisma splits its own.
  for (let from = 0; from < keyResultIds.length; from += LATEST_PART) {
    const part = keyResultIds.slice(from, from + LATEST_PART);
    const rows = parseRows(
      latestRow,
      await readRows`
        SELECT k.id AS "keyResultId", (
          SELECT c.value FROM "KeyResultCheckIn" c WHERE c."keyResultId" = k.id
          ORDER BY c.at DESC, c."createdAt" DESC LIMIT 1) AS value
        FROM "KeyResult" k WHERE k.id IN (${Prisma.join(part)})`,
    );
    for (const row of rows) if (row.value !== null) latest.set(row.keyResultId, row.value);
  }
  return latest;
}

/** Which objectives a goal tree keeps besides the policy's: all it reads, the viewer's, or their team's. */
export type TreeScope = {
  periodId: string;
  viewerId: string;
  viewerTeamId: string | null;
  filter: "all" | "mine" | "team";
};

/** A column of the owner of the objective `o`, read only where a condition reaches it. */
function ownerColumn(o: Prisma.Sql, column: "linePath" | "teamId"): Prisma.Sql {
  return Prisma.sql`(SELECT w.${Prisma.raw(`"${column}"`)} FROM "User" w WHERE w.id = ${o}."ownerId")`;
}

/**
 * The viewer's few sets, read once at the head of a statement however often it asks them (a level
 * of the tree asks them in each of its objectives' branches): the objectives shared with them,
 * those whose key results they own or contribute to, their own, and their team's (the team's, and
 * its people's). `readableSql` and the tree's order need the statement to begin with it.
 */
function viewerSetsSql(viewerId: string, viewerTeamId: string | null): Prisma.Sql {
  const ours =
    viewerTeamId === null
      ? Prisma.sql`SELECT t.id FROM "Objective" t WHERE 1 = 0`
      : Prisma.sql`SELECT t.id FROM "Objective" t WHERE t."teamId" = ${viewerTeamId}
          UNION SELECT t.id FROM "Objective" t JOIN "User" tu ON tu.id = t."ownerId"
            WHERE tu."teamId" = ${viewerTeamId} AND t.level = 'person'`;
  return Prisma.sql`WITH shared(id) AS MATERIALIZED (
      SELECT s."objectiveId" FROM "ObjectiveShare" s WHERE s."personId" = ${viewerId}),
    keyResultsOf(id) AS MATERIALIZED (
      SELECT k."objectiveId" FROM "KeyResult" k WHERE k."ownerId" = ${viewerId}
      UNION SELECT k."objectiveId" FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
        WHERE kc."personId" = ${viewerId}),
    mine(id) AS MATERIALIZED (
      SELECT m.id FROM "Objective" m WHERE m."ownerId" = ${viewerId} UNION SELECT id FROM keyResultsOf),
    ours(id) AS MATERIALIZED (${ours})`;
}

/** The policy's reader parts (policy.OBJECTIVE_READERS) asked of the objective `o`, in a statement headed by `viewerSetsSql`. */
function readableSql(viewerId: string, o = Prisma.raw("o")): Prisma.Sql {
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
        return Prisma.sql`${ownerColumn(o, "linePath")} LIKE ${`%/${viewerId}/%`}`;
      case "sharedWith":
        return Prisma.sql`${o}.id IN (SELECT id FROM shared)`;
      case "keyResultPeople":
        return Prisma.sql`${o}.id IN (SELECT id FROM keyResultsOf)`;
    }
  };
  return Prisma.sql`(${Prisma.join(OBJECTIVE_READERS.map(part), " OR ")})`;
}

/**
 * The viewer's own objectives (they own one, or own or contribute to one of its key results) or
 * their team's (the team's, and its people's): a tree shows these first, and "mine" and "my team"
 * keep only them.
 */
function mineSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${o}.id IN (SELECT id FROM mine)`;
}

function oursSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${o}.id IN (SELECT id FROM ours)`;
}

function nearSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${mineSql(o)} OR ${oursSql(o)})`;
}

function keptSql(scope: TreeScope, o: Prisma.Sql): Prisma.Sql {
  const filter =
    scope.filter === "mine"
      ? mineSql(o)
      : scope.filter === "team"
        ? oursSql(o)
        : Prisma.sql`(1 = 1)`;
  return Prisma.sql`${o}."periodId" = ${scope.periodId} AND ${readableSql(scope.viewerId, o)} AND ${filter}`;
}

const countedRow = z.object({ under: z.string().nullable(), total: sqlInt });
const placedRow = z.object({ id: z.string(), under: z.string().nullable(), createdAt: sqlDate });

/**
 * A goal tree's supporters, level by level (tree.ts's `ReadSupporters`): for each objective asked,
 * its first `limit` supporters the viewer reads and the scope keeps, the viewer's own and their
 * team's first, then in the order they were written, and how many there are. The top of the tree
 * (null) is the kept objectives supporting none the viewer keeps: with every supported objective one
 * everyone reads (policy.supportedReadByEveryone), those supporting nothing, else those whose parent
 * is not kept. Three statements a level: the count, the viewer's own and team's (read from their
 * few), and the others' first `limit` through the (parentId, createdAt, id) index, which stops there
 * however many supporters an objective has.
 */
export async function treeSupporters(
  scope: TreeScope,
  parents: readonly (string | null)[],
  limit: number,
): Promise<Map<string | null, Supporters>> {
  if (parents.includes(null)) return manySupporters(scope, null, limit);
  const ids = parents.filter((id) => id !== null);
  if (!ids.length) return new Map();
  // How many supporters each has, whoever reads them, from the index alone: most objectives below
  // the company's have a few, read whole in one statement for the level; only the widest are paged.
  const sizes = new Map(
    parseRows(
      countedRow,
      await readRows`SELECT o."parentId" AS under, COUNT(*) AS total FROM "Objective" o
        WHERE o."parentId" IN (${Prisma.join(ids)}) GROUP BY o."parentId"`,
    ).map((row) => [row.under, row.total]),
  );
  const few = ids.filter((id) => (sizes.get(id) ?? 0) > 0 && sizes.get(id)! <= READ_WHOLE);
  const many = ids.filter((id) => (sizes.get(id) ?? 0) > READ_WHOLE);
  const [fromFew, fromMany] = await Promise.all([
    fewSupporters(scope, few, limit),
    many.length ? manySupporters(scope, many, limit) : new Map<string | null, Supporters>(),
  ]);
  return new Map([...fromFew, ...fromMany]);
}

/** An objective with at most this many supporters has them read whole, with the others of its level. */
const READ_WHOLE = 64;

const placedNearRow = placedRow.extend({ near: sqlBool });

const written = (a: z.output<typeof placedRow>, b: z.output<typeof placedRow>) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The supporters of objectives that have few: every one the viewer reads and the scope keeps, in one statement. */
async function fewSupporters(
  scope: TreeScope,
  ids: readonly string[],
  limit: number,
): Promise<Map<string | null, Supporters>> {
  const found = new Map<string | null, Supporters>();
  if (!ids.length) return found;
  const o = Prisma.raw("o");
  const rows = parseRows(
    placedNearRow,
    await readRows`${viewerSetsSql(scope.viewerId, scope.viewerTeamId)}
      SELECT o.id, o."parentId" AS under, o."createdAt", CASE WHEN ${nearSql(o)} THEN 1 ELSE 0 END AS near
      FROM "Objective" o WHERE o."parentId" IN (${Prisma.join(ids)}) AND ${keptSql(scope, o)}`,
  );
  const byParent = new Map<string | null, z.output<typeof placedNearRow>[]>();
  for (const row of rows) byParent.set(row.under, [...(byParent.get(row.under) ?? []), row]);
  for (const [parent, supporters] of byParent) {
    const near = supporters.filter((row) => row.near).sort(written);
    const others = supporters.filter((row) => !row.near).sort(written);
    found.set(parent, {
      ids: [...near, ...others].slice(0, limit).map((row) => row.id),
      total: supporters.length,
    });
  }
  return found;
}

/**
 * The supporters of the top of the tree (null) or of objectives that have many: three statements,
 * the count, the viewer's own and team's (read from their few), and the others' first `limit`
 * through the (parentId, createdAt, id) index, which stops there however many supporters an
 * objective has.
 */
async function manySupporters(
  scope: TreeScope,
  parents: readonly string[] | null,
  limit: number,
): Promise<Map<string | null, Supporters>> {
  const o = Prisma.raw("o");
  const sets = viewerSetsSql(scope.viewerId, scope.viewerTeamId);
  const atTop = parents === null;
  const under = atTop ? Prisma.sql`CAST(NULL AS TEXT)` : Prisma.sql`o."parentId"`;
  const topPlaced =
    scope.filter === "all" && supportedReadByEveryone()
      ? Prisma.sql`o."parentId" IS NULL`
      : Prisma.sql`(o."parentId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "Objective" p WHERE p.id = o."parentId" AND ${keptSql(scope, Prisma.raw("p"))}))`;
  const ids = parents ?? [];
  const placed = atTop ? topPlaced : Prisma.sql`o."parentId" IN (${Prisma.join(ids)})`;
  const first = (where: Prisma.Sql) => Prisma.sql`SELECT * FROM (
      SELECT o.id, ${under} AS under, o."createdAt" FROM "Objective" o
      WHERE ${where} AND ${keptSql(scope, o)} AND NOT ${nearSql(o)}
      ORDER BY o."createdAt", o.id LIMIT ${limit}) AS firstOf`;
  const [counted, near, others] = await Promise.all([
    readRows`${sets} SELECT ${under} AS under, COUNT(*) AS total FROM "Objective" o
      WHERE ${placed} AND ${keptSql(scope, o)}${atTop ? Prisma.empty : Prisma.sql` GROUP BY o."parentId"`}`,
    readRows`${sets} SELECT o.id, ${under} AS under, o."createdAt" FROM "Objective" o
      WHERE ${nearSql(o)} AND ${placed} AND ${keptSql(scope, o)}`,
    limit === 0
      ? Promise.resolve([])
      : readRows`${sets} ${Prisma.join(
          atTop ? [first(topPlaced)] : ids.map((id) => first(Prisma.sql`o."parentId" = ${id}`)),
          " UNION ALL ",
        )}`,
  ]);
  const byParent = (rows: unknown[]) => {
    const grouped = new Map<string | null, z.output<typeof placedRow>[]>();
    for (const row of parseRows(placedRow, rows))
      grouped.set(row.under, [...(grouped.get(row.under) ?? []), row]);
    return grouped;
  };
  const nearOf = byParent(near);
  const othersOf = byParent(others);
  const found = new Map<string | null, Supporters>();
  for (const { under: parent, total } of parseRows(countedRow, counted))
    found.set(parent, {
      ids: [...(nearOf.get(parent) ?? []).sort(written), ...(othersOf.get(parent) ?? [])]
        .slice(0, limit)
        .map((row) => row.id),
      total,
    });
  return found;
}
