import { z } from "zod";
import { Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { chunks } from "~/utils/chunks";
import { OBJECTIVE_READERS, supportedReadByEveryone, type ReaderPart } from "./policy";
import { COUNTED_AT_MOST, type Supporters } from "./tree";

const countRow = z.object({ count: sqlInt });
const supporterPageRow = z.object({ id: z.string(), level: z.string() });

/**
 * One page of the objectives supporting one that the viewer reads (the policy's reader parts asked
 * in the statement, as the goal tree asks them), in the order they were written, and how many there
 * are, counted to `COUNTED_AT_MOST` and stopped (`over`: more than that), as the tree counts them:
 * a company objective of a large organisation has thousands of supporters, and its page lists
 * fifty. Past the count a page says whether another follows (`hasNext`). A page past the end gives
 * the last, the only time every supporter is counted.
 */
export async function readableSupporters(
  parentId: string,
  viewerId: string,
  page: number,
  size: number,
): Promise<{
  rows: z.output<typeof supporterPageRow>[];
  total: number;
  over: boolean;
  page: number;
  hasNext: boolean;
}> {
  const sets = viewerSetsSql(viewerId);
  const readable = Prisma.sql`o."parentId" = ${parentId} AND ${readableSql(viewerId)}`;
  const count = async (atMost: number | null) =>
    parseRows(
      countRow,
      atMost === null
        ? await readRows`${sets} SELECT COUNT(*) AS count FROM "Objective" o WHERE ${readable}`
        : await readRows`${sets} SELECT COUNT(*) AS count
            FROM (SELECT 1 FROM "Objective" o WHERE ${readable} LIMIT ${atMost}) AS counted`,
    )[0]?.count ?? 0;
  const counted = await count(COUNTED_AT_MOST + 1);
  const over = counted > COUNTED_AT_MOST;
  const pageOf = async (current: number) =>
    parseRows(
      supporterPageRow,
      await readRows`${sets}
        SELECT o.id, o.level FROM "Objective" o
        WHERE ${readable}
        ORDER BY o."createdAt", o.id
        LIMIT ${size + 1} OFFSET ${(current - 1) * size}`,
    );
  const lastOf = (total: number) => Math.max(1, Math.ceil(total / size));
  let current = Math.max(1, over ? page : Math.min(page, lastOf(counted)));
  let rows = counted ? await pageOf(current) : [];
  if (over && !rows.length && current > 1) {
    current = lastOf(await count(null));
    rows = await pageOf(current);
  }
  return {
    rows: rows.slice(0, size),
    total: Math.min(counted, COUNTED_AT_MOST),
    over,
    page: current,
    hasNext: rows.length > size,
  };
}

/**
 * The latest value of the key result `k` (by the moment it was for, then when it was written): a
 * seek to the end of its check-ins in the (keyResultId, at) index.
 */
const LATEST_OF_K = Prisma.sql`(
  SELECT c.value FROM "KeyResultCheckIn" c WHERE c."keyResultId" = k.id
  ORDER BY c.at DESC, c."createdAt" DESC LIMIT 1)`;

const detailRow = z.object({
  id: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  openToAll: sqlBool,
  title: z.string(),
  commitment: z.string(),
  ownerName: z.string(),
  teamName: z.string().nullable(),
});

/**
 * What a page shows of the objectives it lists: titles, owners, teams. One statement: as a nested
 * select, Prisma reads the owners and the teams in a statement each, and the teams' even when no
 * listed objective has one (`IN (NULL)`).
 */
export async function objectiveDetails(ids: readonly string[]) {
  if (!ids.length) return new Map<string, DetailRow>();
  const rows = parseRows(
    detailRow,
    await readRows`
      SELECT o.id, o.level, o."parentId", o."openToAll", o.title, o.commitment,
        w.name AS "ownerName", t.name AS "teamName"
      FROM "Objective" o JOIN "User" w ON w.id = o."ownerId" LEFT JOIN "Team" t ON t.id = o."teamId"
      WHERE o.id IN (${Prisma.join(ids)})`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

type DetailRow = z.output<typeof detailRow>;

const shownKeyResultRow = z.object({
  id: z.string(),
  objectiveId: z.string(),
  kind: z.string(),
  direction: z.string(),
  startValue: z.number(),
  targetValue: z.number(),
  latest: z.number().nullable(),
});

/**
 * The key results of the objectives a goal tree shows, in their order, each with its latest value
 * (as `latestValues` reads it), in one statement.
 */
export async function shownKeyResults(objectiveIds: readonly string[]) {
  if (!objectiveIds.length) return [];
  return parseRows(
    shownKeyResultRow,
    await readRows`
      SELECT k.id, k."objectiveId", k.kind, k.direction, k."startValue", k."targetValue",
        ${LATEST_OF_K} AS latest
      FROM "KeyResult" k WHERE k."objectiveId" IN (${Prisma.join(objectiveIds)})
      ORDER BY k.position, k.id`,
  );
}

/**
 * A value of each key result `k` by `column` (a subquery of `k`), left out where it is null. A period's
 * close asks every key result of the period: the list is bound in parts, as Prisma splits its own.
 */
async function perKeyResult<T>(
  keyResultIds: readonly string[],
  column: Prisma.Sql,
  value: z.ZodType<T>,
): Promise<Map<string, T>> {
  const row = z.object({ keyResultId: z.string(), value: value.nullable() });
  const found = new Map<string, T>();
  for (const part of chunks(keyResultIds, 10_000)) {
    const rows: { keyResultId: string; value: T | null }[] = parseRows(
      row,
      await readRows`
        SELECT k.id AS "keyResultId", ${column} AS value
        FROM "KeyResult" k WHERE k.id IN (${Prisma.join(part)})`,
    );
    for (const { keyResultId, value } of rows) if (value !== null) found.set(keyResultId, value);
  }
  return found;
}

/**
 * Each key result's latest value (by the moment it was for, then when it was written): a seek to the
 * end of each key result's check-ins in the (keyResultId, at, createdAt) index, not every check-in of
 * the quarter.
 */
export function latestValues(keyResultIds: readonly string[]): Promise<Map<string, number>> {
  return perKeyResult(keyResultIds, LATEST_OF_K, z.number());
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
 * those whose key results they own or contribute to, and their own. `readableSql` and the tree's
 * order need the statement to begin with it. Their team's objectives are asked of each row
 * (`oursSql`), never gathered: a team may be thousands of people with as many objectives.
 */
function viewerSetsSql(viewerId: string): Prisma.Sql {
  return Prisma.sql`WITH shared(id) AS MATERIALIZED (
      SELECT s."objectiveId" FROM "ObjectiveShare" s WHERE s."personId" = ${viewerId}),
    keyResultsOf(id) AS MATERIALIZED (
      SELECT k."objectiveId" FROM "KeyResult" k WHERE k."ownerId" = ${viewerId}
      UNION SELECT k."objectiveId" FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
        WHERE kc."personId" = ${viewerId}),
    mine(id) AS MATERIALIZED (
      SELECT m.id FROM "Objective" m WHERE m."ownerId" = ${viewerId} UNION SELECT id FROM keyResultsOf)`;
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

function oursSql(o: Prisma.Sql, teamId: string | null): Prisma.Sql {
  return teamId === null
    ? Prisma.sql`(1 = 0)`
    : // Never unknown (an objective or owner without a team): "NOT ours" must hold for those.
      Prisma.sql`COALESCE(${o}."teamId" = ${teamId} OR (${o}.level = 'person' AND ${ownerColumn(o, "teamId")} = ${teamId}), 1 = 0)`;
}

function nearSql(o: Prisma.Sql, teamId: string | null): Prisma.Sql {
  return Prisma.sql`(${mineSql(o)} OR ${oursSql(o, teamId)})`;
}

function keptSql(scope: TreeScope, o: Prisma.Sql): Prisma.Sql {
  const filter =
    scope.filter === "mine"
      ? mineSql(o)
      : scope.filter === "team"
        ? oursSql(o, scope.viewerTeamId)
        : Prisma.sql`(1 = 1)`;
  return Prisma.sql`${o}."periodId" = ${scope.periodId} AND ${readableSql(scope.viewerId, o)} AND ${filter}`;
}

/**
 * How many rows a statement finds, for each of a few objectives, counting to `atMost + 1` and
 * stopping there: one part per objective, each reading no more than that from its index.
 */
function countedUnder(
  ids: readonly string[],
  atMost: number,
  rows: (id: string) => Prisma.Sql,
): Prisma.Sql {
  return Prisma.join(
    ids.map(
      (id) => Prisma.sql`SELECT CAST(${id} AS TEXT) AS under, COUNT(*) AS total
        FROM (${rows(id)} LIMIT ${atMost + 1}) AS counted`,
    ),
    " UNION ALL ",
  );
}

const countedRow = z.object({ under: z.string().nullable(), total: sqlInt });
const placedRow = z.object({ id: z.string(), under: z.string().nullable(), createdAt: sqlDate });

const treeVersionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  periodsChanged: sqlDate.nullable(),
  teams: sqlInt,
  teamsChanged: sqlDate.nullable(),
  objectivesChanged: sqlDate.nullable(),
  keyResultsChanged: sqlDate.nullable(),
  checkedIn: sqlDate.nullable(),
  shares: sqlInt,
  sharesAdded: sqlDate.nullable(),
});

/**
 * What a goal tree reads, as one line (goals.server.ts keeps each view's reads under it, as the team
 * overview keeps its own): people's newest change (a name, a team, a manager: whose line reads a
 * person's objective), periods' newest change (closing one; periods are never deleted), teams (counted: deleting one empties its objectives' team without writing
 * them) and their newest change, objectives' and key results' newest change (a key result's
 * contributors are written with it and never changed alone; neither is ever deleted), the newest
 * check-in (check-ins are only added) and shares (counted, as removing one deletes it, and the
 * newest). Each is the end of an index or a small table's: nothing grows with the organisation.
 */
export async function goalTreeVersion(): Promise<string> {
  const [row] = parseRows(
    treeVersionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT MAX("updatedAt") FROM "GoalPeriod") AS "periodsChanged",
      (SELECT COUNT(*) FROM "Team") AS teams,
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged",
      (SELECT MAX("updatedAt") FROM "Objective") AS "objectivesChanged",
      (SELECT MAX("updatedAt") FROM "KeyResult") AS "keyResultsChanged",
      (SELECT MAX("createdAt") FROM "KeyResultCheckIn") AS "checkedIn",
      (SELECT COUNT(*) FROM "ObjectiveShare") AS shares,
      (SELECT MAX("createdAt") FROM "ObjectiveShare") AS "sharesAdded"`,
  );
  return versionLine(row!);
}

/**
 * A goal tree's supporters, level by level (tree.ts's `ReadSupporters`): for each objective asked,
 * its first `limit` supporters the viewer reads and the scope keeps, the viewer's own and their
 * team's first, then in the order they were written, and how many there are (to
 * `COUNTED_AT_MOST`). The top of the tree (null) is the kept objectives supporting none the viewer
 * keeps: with every supported objective one everyone reads (policy.supportedReadByEveryone), those
 * supporting nothing, else those whose parent is not kept. Every statement reads through an index
 * and stops where the page does, however many supporters an objective has.
 */
export async function treeSupporters(
  scope: TreeScope,
  parents: readonly (string | null)[],
  limit: number,
): Promise<Map<string | null, Supporters>> {
  if (parents.includes(null)) return manySupporters(scope, null, limit);
  const ids = parents.filter((id) => id !== null);
  if (!ids.length) return new Map();
  // How many supporters each has, whoever reads them, from the index alone and only to the point
  // that decides it: most objectives below the company's have a few, read whole in one statement
  // for the level; only the widest are paged.
  const sizes = new Map(
    parseRows(
      countedRow,
      await readRows`${countedUnder(
        ids,
        READ_WHOLE,
        (id) => Prisma.sql`SELECT 1 FROM "Objective" o WHERE o."parentId" = ${id}`,
      )}`,
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
const manyRow = z.object({
  part: z.enum(["count", "near", "other"]),
  id: z.string().nullable(),
  under: z.string().nullable(),
  createdAt: sqlDate.nullable(),
  total: sqlInt.nullable(),
});

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
    await readRows`${viewerSetsSql(scope.viewerId)}
      SELECT o.id, o."parentId" AS under, o."createdAt",
        CASE WHEN ${nearSql(o, scope.viewerTeamId)} THEN 1 ELSE 0 END AS near
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
 * The supporters of the top of the tree (null) or of objectives that have many: one statement of
 * three parts, the count (to `COUNTED_AT_MOST`), the viewer's own and team's (found from the
 * viewer's side: their own objectives, their team's, and the people's objectives among the
 * supporters), and the others' first `limit` through the (parentId, createdAt, id) index, which
 * stops there however many supporters an objective has.
 */
async function manySupporters(
  scope: TreeScope,
  parents: readonly string[] | null,
  limit: number,
): Promise<Map<string | null, Supporters>> {
  const o = Prisma.raw("o");
  const team = scope.viewerTeamId;
  const sets = viewerSetsSql(scope.viewerId);
  const atTop = parents === null;
  const under = atTop ? Prisma.sql`CAST(NULL AS TEXT)` : Prisma.sql`o."parentId"`;
  const topPlaced =
    scope.filter === "all" && supportedReadByEveryone()
      ? Prisma.sql`o."parentId" IS NULL`
      : Prisma.sql`(o."parentId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM "Objective" p WHERE p.id = o."parentId" AND ${keptSql(scope, Prisma.raw("p"))}))`;
  const ids = parents ?? [];
  const placed = atTop ? topPlaced : Prisma.sql`o."parentId" IN (${Prisma.join(ids)})`;
  const kept = (where: Prisma.Sql) =>
    Prisma.sql`SELECT 1 FROM "Objective" o WHERE ${where} AND ${keptSql(scope, o)}`;
  const first = (where: Prisma.Sql) => Prisma.sql`SELECT * FROM (
      SELECT o.id, ${under} AS under, o."createdAt" FROM "Objective" o
      WHERE ${where} AND ${keptSql(scope, o)} AND NOT ${nearSql(o, team)}
      ORDER BY o."createdAt", o.id LIMIT ${limit}) AS firstOf`;
  // The near ones from the viewer's side, each part through its own index: their own (a few), their
  // team's, and their team's people's among the person objectives placed here.
  const near = (from: Prisma.Sql, where: Prisma.Sql) =>
    Prisma.sql`SELECT o.id, ${under} AS under, o."createdAt" FROM ${from} WHERE ${where} AND ${placed} AND ${keptSql(scope, o)}`;
  const nearParts = [
    // Joined, so the planner starts from the viewer's few and never from every supporter.
    near(Prisma.sql`mine JOIN "Objective" o ON o.id = mine.id`, Prisma.sql`(1 = 1)`),
    ...(team === null
      ? []
      : [
          near(Prisma.sql`"Objective" o`, Prisma.sql`o."teamId" = ${team}`),
          near(
            Prisma.sql`"Objective" o`,
            Prisma.sql`o.level = 'person' AND ${ownerColumn(o, "teamId")} = ${team}`,
          ),
        ]),
  ];
  const counted = atTop
    ? Prisma.sql`SELECT CAST(NULL AS TEXT) AS under, COUNT(*) AS total
        FROM (${kept(topPlaced)} LIMIT ${COUNTED_AT_MOST + 1}) AS counted`
    : countedUnder(ids, COUNTED_AT_MOST, (id) => kept(Prisma.sql`o."parentId" = ${id}`));
  const firsts = atTop
    ? [first(topPlaced)]
    : ids.map((id) => first(Prisma.sql`o."parentId" = ${id}`));
  // The three parts in one statement, each marked: the viewer's sets are gathered once.
  const parts = [
    Prisma.sql`SELECT 'count' AS part, CAST(NULL AS TEXT) AS id, c.under,
        CAST(NULL AS TIMESTAMP) AS "createdAt", c.total FROM (${counted}) AS c`,
    Prisma.sql`SELECT 'near', n.id, n.under, n."createdAt", CAST(NULL AS INTEGER)
        FROM (${Prisma.join(nearParts, " UNION ")}) AS n`,
    ...(limit === 0
      ? []
      : [
          Prisma.sql`SELECT 'other', f.id, f.under, f."createdAt", CAST(NULL AS INTEGER)
            FROM (${Prisma.join(firsts, " UNION ALL ")}) AS f`,
        ]),
  ];
  const rows = parseRows(manyRow, await readRows`${sets} ${Prisma.join(parts, " UNION ALL ")}`);
  const byParent = (part: "near" | "other") => {
    const grouped = new Map<string | null, z.output<typeof placedRow>[]>();
    for (const row of rows)
      if (row.part === part && row.id !== null && row.createdAt !== null)
        grouped.set(row.under, [
          ...(grouped.get(row.under) ?? []),
          { id: row.id, under: row.under, createdAt: row.createdAt },
        ]);
    return grouped;
  };
  const nearOf = byParent("near");
  const othersOf = byParent("other");
  const found = new Map<string | null, Supporters>();
  for (const { under: parent, total } of rows) {
    if (total === null || !total) continue;
    found.set(parent, {
      ids: [
        ...(nearOf.get(parent) ?? []).sort(written),
        ...(othersOf.get(parent) ?? []).sort(written),
      ]
        .slice(0, limit)
        .map((row) => row.id),
      total: Math.min(total, COUNTED_AT_MOST),
      over: total > COUNTED_AT_MOST,
    });
  }
  return found;
}

const keyResultRow = z.object({
  id: z.string(),
  objectiveId: z.string(),
  title: z.string(),
  kind: z.string(),
  unit: z.string(),
  direction: z.string(),
  startValue: z.number(),
  targetValue: z.number(),
  ownerId: z.string(),
  position: sqlInt,
  finalScore: z.number().nullable(),
  reflection: z.string().nullable(),
  ownerName: z.string(),
  ownerManagerId: z.string().nullable(),
});
const contributorRow = z.object({
  keyResultId: z.string(),
  personId: z.string(),
  name: z.string(),
});
const checkInRow = z.object({
  id: z.string(),
  keyResultId: z.string(),
  value: z.number(),
  confidence: z.string(),
  note: z.string(),
  at: sqlDate,
  authorName: z.string(),
  tokenName: z.string().nullable(),
});
const evidenceRow = z.object({
  keyResultId: z.string(),
  id: z.string(),
  text: z.string(),
  occurredOn: sqlDate,
});

/**
 * One objective's key results as its page shows them: owners, contributors, every check-in with
 * who or which token sent it, and the viewer's own evidence recorded against each. Four statements,
 * each joined: as nested selects Prisma sends nine, and reads the tokens, contributors and evidence
 * of none (`IN (NULL)`).
 */
export async function objectiveKeyResults(objectiveId: string, viewerId: string) {
  const [keyResults, contributors, checkIns, evidence] = await Promise.all([
    readRows`
      SELECT k.id, k."objectiveId", k.title, k.kind, k.unit, k.direction, k."startValue",
        k."targetValue", k."ownerId", k.position, k."finalScore", k.reflection,
        w.name AS "ownerName", w."managerId" AS "ownerManagerId"
      FROM "KeyResult" k JOIN "User" w ON w.id = k."ownerId"
      WHERE k."objectiveId" = ${objectiveId}
      ORDER BY k.position, k.id`,
    readRows`
      SELECT kc."keyResultId", kc."personId", p.name
      FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
        JOIN "User" p ON p.id = kc."personId"
      WHERE k."objectiveId" = ${objectiveId}
      ORDER BY kc."keyResultId", kc."personId"`,
    readRows`
      SELECT c.id, c."keyResultId", c.value, c.confidence, c.note, c.at,
        a.name AS "authorName", t.name AS "tokenName"
      FROM "KeyResultCheckIn" c JOIN "KeyResult" k ON k.id = c."keyResultId"
        JOIN "User" a ON a.id = c."authorId" LEFT JOIN "ApiToken" t ON t.id = c."tokenId"
      WHERE k."objectiveId" = ${objectiveId}
      ORDER BY c.at, c."createdAt", c.id`,
    readRows`
      SELECT ke."keyResultId", e.id, e.text, e."occurredOn"
      FROM "KeyResultEvidence" ke JOIN "KeyResult" k ON k.id = ke."keyResultId"
        JOIN "CareerEvidence" e ON e.id = ke."evidenceId"
      WHERE k."objectiveId" = ${objectiveId} AND e."personId" = ${viewerId}
      ORDER BY e."occurredOn", e.id`,
  ]);
  const of = <T extends { keyResultId: string }>(rows: T[], keyResultId: string) =>
    rows.filter((row) => row.keyResultId === keyResultId);
  const contributorRows = parseRows(contributorRow, contributors);
  const checkInRows = parseRows(checkInRow, checkIns);
  const evidenceRows = parseRows(evidenceRow, evidence);
  return parseRows(keyResultRow, keyResults).map((kr) => ({
    ...kr,
    contributors: of(contributorRows, kr.id),
    checkIns: of(checkInRows, kr.id),
    evidence: of(evidenceRows, kr.id).map(({ id, text, occurredOn }) => ({ id, text, occurredOn })),
  }));
}

const personObjectiveRow = z.object({
  id: z.string(),
  level: z.string(),
  ownerId: z.string(),
  title: z.string(),
  openToAll: sqlBool,
  ownerLinePath: z.string(),
  startsOn: sqlDate,
  endsOn: sqlDate,
  closedAt: sqlDate.nullable(),
});
const objectivePersonRow = z.object({
  kind: z.enum(["owner", "contributor", "share"]),
  objectiveId: z.string(),
  keyResultId: z.string().nullable(),
  personId: z.string(),
  lastAt: sqlDate.nullable(),
});

/**
 * The objectives of a few people (owned, or a key result of them owned or contributed to) in periods
 * not closed (begun or not: what is read does not depend on the day, so it is kept under
 * goalTreeVersion alone), in the order they were written, each with what deciding who reads
 * it needs (its owner's reporting line, shares, key results' owners and contributors) and when each
 * key result was last checked in: two statements, where Prisma's nested selects sent twelve (three
 * of them reading nothing, `IN (NULL)`), on the team overview's every page. `shown` is kept whole
 * (MATERIALIZED) and asked through `IN`: joined to it, SQLite walked every key result and share.
 */
export async function peoplesObjectives(personIds: readonly string[]) {
  if (!personIds.length) return [];
  const ids = Prisma.join(personIds);
  const shown = Prisma.sql`WITH theirs(id) AS (
      SELECT o.id FROM "Objective" o WHERE o."ownerId" IN (${ids})
      UNION SELECT k."objectiveId" FROM "KeyResult" k WHERE k."ownerId" IN (${ids})
      UNION SELECT k."objectiveId" FROM "KeyResultContributor" kc
        JOIN "KeyResult" k ON k.id = kc."keyResultId" WHERE kc."personId" IN (${ids})
    ), shown(id) AS MATERIALIZED (
      SELECT o.id FROM theirs JOIN "Objective" o ON o.id = theirs.id
        JOIN "GoalPeriod" p ON p.id = o."periodId"
      WHERE p."closedAt" IS NULL
    )`;
  const [objectives, people] = await Promise.all([
    readRows`${shown}
      SELECT o.id, o.level, o."ownerId", o.title, o."openToAll", w."linePath" AS "ownerLinePath",
        p."startsOn", p."endsOn", p."closedAt"
      FROM shown JOIN "Objective" o ON o.id = shown.id JOIN "User" w ON w.id = o."ownerId"
        JOIN "GoalPeriod" p ON p.id = o."periodId"
      ORDER BY o."createdAt", o.id`,
    readRows`${shown}
      SELECT 'owner' AS kind, k."objectiveId", k.id AS "keyResultId", k."ownerId" AS "personId",
        (SELECT MAX(c.at) FROM "KeyResultCheckIn" c WHERE c."keyResultId" = k.id) AS "lastAt"
      FROM shown JOIN "KeyResult" k ON k."objectiveId" = shown.id
      UNION ALL
      SELECT 'contributor', k."objectiveId", kc."keyResultId", kc."personId", NULL
      FROM "KeyResult" k JOIN "KeyResultContributor" kc ON kc."keyResultId" = k.id
      WHERE k."objectiveId" IN (SELECT id FROM shown)
      UNION ALL
      SELECT 'share', s."objectiveId", NULL, s."personId", NULL
      FROM "ObjectiveShare" s WHERE s."objectiveId" IN (SELECT id FROM shown)`,
  ]);
  const readersOf = new Map<string, z.output<typeof objectivePersonRow>[]>();
  for (const person of parseRows(objectivePersonRow, people)) {
    const of = readersOf.get(person.objectiveId);
    if (of) of.push(person);
    else readersOf.set(person.objectiveId, [person]);
  }
  return parseRows(personObjectiveRow, objectives).map(
    ({ ownerLinePath, startsOn, endsOn, closedAt, ...objective }) => {
      const of = readersOf.get(objective.id) ?? [];
      return {
        ...objective,
        owner: { linePath: ownerLinePath },
        period: { startsOn, endsOn, closedAt },
        shares: of
          .filter((person) => person.kind === "share")
          .map((person) => ({ personId: person.personId })),
        keyResults: of
          .filter((person) => person.kind === "owner")
          .map((owner) => ({
            id: owner.keyResultId!,
            ownerId: owner.personId,
            lastAt: owner.lastAt,
            contributors: of
              .filter(
                (person) =>
                  person.kind === "contributor" && person.keyResultId === owner.keyResultId,
              )
              .map((person) => ({ personId: person.personId })),
          })),
      };
    },
  );
}

const loadedRow = z.object({
  id: z.string(),
  periodId: z.string(),
  level: z.string(),
  teamId: z.string().nullable(),
  ownerId: z.string(),
  title: z.string(),
  why: z.string(),
  commitment: z.string(),
  parentId: z.string().nullable(),
  openToAll: sqlBool,
  carriedFromId: z.string().nullable(),
  createdById: z.string(),
  ownerName: z.string(),
  ownerLinePath: z.string(),
  teamName: z.string().nullable(),
  periodName: z.string(),
  startsOn: sqlDate,
  endsOn: sqlDate,
  closedAt: sqlDate.nullable(),
});
const readerRow = z.object({
  objectiveId: z.string(),
  kind: z.enum(["share", "owner", "contributor"]),
  keyResultId: z.string().nullable(),
  personId: z.string(),
});

/**
 * One objective with what deciding who reads it needs (its owner's reporting line, whom it is
 * shared with, its key results' owners and contributors), its team and its period: two
 * statements, where Prisma's nested selects send six (and read a team for an objective of none).
 */
export async function loadedObjective(objectiveId: string) {
  return (await loadedObjectives(Prisma.sql`${objectiveId}`)).get(objectiveId) ?? null;
}

/**
 * An objective as `loadedObjective` loads it, with its parent, the objective it was carried over
 * from and the one it was carried over to, each loaded alike (null where there is none): the same
 * two statements.
 */
export async function loadedObjectiveWithKin(objectiveId: string) {
  // A list of ids, each found through an index (an OR of the four conditions read every objective on SQLite).
  const found = await loadedObjectives(Prisma.sql`SELECT ${objectiveId}
    UNION ALL SELECT kin."parentId" FROM "Objective" kin WHERE kin.id = ${objectiveId}
    UNION ALL SELECT kin."carriedFromId" FROM "Objective" kin WHERE kin.id = ${objectiveId}
    UNION ALL SELECT kin.id FROM "Objective" kin WHERE kin."carriedFromId" = ${objectiveId}`);
  const objective = found.get(objectiveId);
  if (!objective) return null;
  const kin = (id: string | null) => (id === null ? null : (found.get(id) ?? null));
  return {
    objective,
    parent: kin(objective.parentId),
    carriedFrom: kin(objective.carriedFromId),
    carriedTo: [...found.values()].find((other) => other.carriedFromId === objectiveId) ?? null,
  };
}

/** The objectives of `ids` (an id, or a statement giving ids), loaded as `loadedObjective` says, by id. */
async function loadedObjectives(ids: Prisma.Sql) {
  const chosen = Prisma.sql`(${ids})`;
  const [rows, readers] = await Promise.all([
    readRows`
      SELECT o.id, o."periodId", o.level, o."teamId", o."ownerId", o.title, o.why, o.commitment,
        o."parentId", o."openToAll", o."carriedFromId", o."createdById",
        w.name AS "ownerName", w."linePath" AS "ownerLinePath", t.name AS "teamName",
        p.name AS "periodName", p."startsOn", p."endsOn", p."closedAt"
      FROM "Objective" o JOIN "User" w ON w.id = o."ownerId" LEFT JOIN "Team" t ON t.id = o."teamId"
        JOIN "GoalPeriod" p ON p.id = o."periodId"
      WHERE o.id IN ${chosen}`,
    readRows`
      SELECT s."objectiveId", 'share' AS kind, CAST(NULL AS TEXT) AS "keyResultId", s."personId"
      FROM "ObjectiveShare" s WHERE s."objectiveId" IN ${chosen}
      UNION ALL
      SELECT k."objectiveId", 'owner', k.id, k."ownerId" FROM "KeyResult" k WHERE k."objectiveId" IN ${chosen}
      UNION ALL
      SELECT k."objectiveId", 'contributor', kc."keyResultId", kc."personId"
      FROM "KeyResultContributor" kc JOIN "KeyResult" k ON k.id = kc."keyResultId"
      WHERE k."objectiveId" IN ${chosen}`,
  ]);
  const people = parseRows(readerRow, readers);
  return new Map(
    parseRows(loadedRow, rows).map((row) => {
      const {
        ownerName,
        ownerLinePath,
        teamName,
        periodName,
        startsOn,
        endsOn,
        closedAt,
        ...objective
      } = row;
      const own = people.filter((person) => person.objectiveId === row.id);
      return [
        row.id,
        {
          ...objective,
          owner: { name: ownerName, linePath: ownerLinePath },
          team: teamName === null ? null : { name: teamName },
          period: { id: row.periodId, name: periodName, startsOn, endsOn, closedAt },
          shares: own
            .filter((person) => person.kind === "share")
            .map((person) => ({ personId: person.personId })),
          keyResults: own
            .filter((person) => person.kind === "owner")
            .map((owner) => ({
              ownerId: owner.personId,
              contributors: own
                .filter(
                  (person) =>
                    person.kind === "contributor" && person.keyResultId === owner.keyResultId,
                )
                .map((person) => ({ personId: person.personId })),
            })),
        },
      ];
    }),
  );
}
