import { getTrack, type ScalePoint } from "~/modules/ladders";
import { servedLadders } from "~/modules/ladders/registry.server";
import { ladderOfVersion } from "~/modules/ladders/versions.server";
import { db, Prisma } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";
import { NotFoundError } from "~/modules/errors";
import { readOffLoop } from "~/db/read-off-loop.server";
import {
  attentionFlags,
  cycleStatus,
  daysLeft,
  emptyCounts,
  parseState,
  participantState,
  toProgress,
  NEAR_END_DAYS,
  SUBMITTED,
  THIN_EVIDENCE_SHARE,
  type AttentionFlag,
  type CycleStatus,
  type ParticipantState,
  type StateCounts,
} from "~/modules/cycles/cycle-progress";
import { canReadAssessment } from "~/modules/assessments/policy";
import { inStateSql } from "~/modules/cycles/progress-sql.server";

/**
 * The team overview: everyone below a manager (direct and indirect reports), where
 * each stands in a review cycle, their latest submitted ratings and who needs
 * attention. Two queries whatever the number of reports (the cycles offered; everyone
 * below the viewer, counted, filtered and paged in SQL: queryOverview), plus one for
 * ratings not read before (see submittedRatings).
 */

export const TEAM_PAGE_SIZE = 25;
const CYCLES_OFFERED = 20;
const MAX_DEPTH = 64;

export type TeamFilters = {
  /** A cycle id, or "" for the current one. */
  cycleId: string;
  attentionOnly: boolean;
  state: ParticipantState | "not-in-cycle" | "";
  page: number;
};

export function parseTeamFilters(searchParams: URLSearchParams): TeamFilters {
  const page = Number.parseInt(searchParams.get("page") ?? "1", 10);
  const state = searchParams.get("state");
  return {
    cycleId: (searchParams.get("cycle") ?? "").slice(0, 100),
    attentionOnly: searchParams.get("show") === "attention",
    state: state === "not-in-cycle" ? state : parseState(state),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export type TeamCycle = { id: string; name: string; startsOn: Date; endsOn: Date; closedAt: Date | null; status: CycleStatus };

/** A person's latest submitted ratings; `ratings` follows the order of `TeamOverview.tracks[trackKey]`. */
export type RatingsProfile = { kind: "self" | "manager"; cycleName: string | null; submittedAt: Date | null; trackKey: string; ratings: (number | null)[] };

export type TeamMember = {
  id: string;
  name: string;
  team: string | null;
  track: string | null;
  level: string | null;
  /** Their step in the cycle; null when they are not in it. */
  state: ParticipantState | null;
  flags: AttentionFlag[];
  profile: RatingsProfile | null;
};

export type TeamGroup = { manager: { id: string; name: string } | null; isViewer: boolean; members: TeamMember[] };

export type TeamOverview =
  | { hasReports: false; viewerIsAdmin: boolean }
  | {
      hasReports: true;
      /** The cycles to choose from, newest first. */
      cycles: { id: string; name: string }[];
      cycle: TeamCycle | null;
      daysLeft: number | null;
      filters: TeamFilters;
      /** Everyone below the viewer, before filters. */
      reports: number;
      direct: number;
      counts: StateCounts;
      notInCycle: number;
      needingAttention: number;
      /** People after filters, over all pages. */
      total: number;
      page: number;
      pageCount: number;
      groups: TeamGroup[];
      /** Competency names per ladder version and track, sent once for every profile that uses them. */
      tracks: Record<string, string[]>;
      scale: ScalePoint[];
    };

// ---------------------------------------------------------------- submitted ratings

type SubmittedRatings = ReadonlyMap<string, number | null>;

/**
 * A submitted assessment never changes (assessments.server.ts), so its ratings, as the
 * heat strips show them, are read once per process and kept. Nothing mutable is cached,
 * so app servers never disagree; entries of a deleted assessment are simply never asked
 * for again, and the oldest are dropped beyond RATINGS_KEPT.
 */
const RATINGS_KEPT = 20_000;
const globalForTeam = globalThis as unknown as { rungsSubmittedRatings?: Map<string, SubmittedRatings> };
const ratingsCache = (globalForTeam.rungsSubmittedRatings ??= new Map());

async function submittedRatings(assessmentIds: string[]): Promise<Map<string, SubmittedRatings>> {
  const found = new Map<string, SubmittedRatings>();
  const missing: string[] = [];
  for (const id of new Set(assessmentIds)) {
    const ratings = ratingsCache.get(id);
    if (ratings) found.set(id, ratings);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db.assessmentRating.findMany({
      where: { assessmentId: { in: missing }, assessment: { status: "submitted" } },
      select: { assessmentId: true, competencyId: true, rating: true },
    });
    const fresh = new Map<string, Map<string, number | null>>();
    for (const row of rows) {
      let ratings = fresh.get(row.assessmentId);
      if (!ratings) fresh.set(row.assessmentId, (ratings = new Map()));
      ratings.set(row.competencyId, row.rating);
    }
    // Only what came back is kept: an id without rows (none rated) is read again next time.
    for (const [id, ratings] of fresh) {
      ratingsCache.set(id, ratings);
      found.set(id, ratings);
    }
    while (ratingsCache.size > RATINGS_KEPT) ratingsCache.delete(ratingsCache.keys().next().value!);
  }
  return found;
}

// ---------------------------------------------------------------- the overview

/** The cycle a manager most likely means: the newest open one, else the newest not yet started, else the newest. */
function currentCycle(cycles: TeamCycle[]): TeamCycle | null {
  return cycles.find((cycle) => cycle.status === "open" || cycle.status === "overdue") ?? cycles.find((cycle) => cycle.status === "upcoming") ?? cycles[0] ?? null;
}

type CycleRow = { id: string; name: string; startsOn: unknown; endsOn: unknown; closedAt: unknown };

function toTeamCycle(row: CycleRow, now: Date): TeamCycle {
  const cycle = { id: row.id, name: row.name, startsOn: toDate(row.startsOn), endsOn: toDate(row.endsOn), closedAt: row.closedAt === null ? null : toDate(row.closedAt) };
  return { ...cycle, status: cycleStatus(cycle, now) };
}

/** A timestamp as the databases return it in raw SQL: a Date (PostgreSQL) or ISO text (SQLite). */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/** The newest cycles, and the chosen one if it is older; in raw SQL, as the page is opened often (decision 006). */
async function loadCycles(filters: TeamFilters, now: Date): Promise<{ cycles: TeamCycle[]; cycle: TeamCycle | null }> {
  const rows = await db.$queryRaw<CycleRow[]>`
    SELECT id, name, "startsOn", "endsOn", "closedAt" FROM "ReviewCycle" ORDER BY "startsOn" DESC, "createdAt" DESC LIMIT ${CYCLES_OFFERED}`;
  const cycles = rows.map((row) => toTeamCycle(row, now));
  if (!filters.cycleId) return { cycles, cycle: currentCycle(cycles) };
  let cycle = cycles.find((row) => row.id === filters.cycleId);
  if (!cycle) {
    const [row] = await db.$queryRaw<CycleRow[]>`SELECT id, name, "startsOn", "endsOn", "closedAt" FROM "ReviewCycle" WHERE id = ${filters.cycleId}`;
    if (!row) throw new NotFoundError("There is no review cycle with that id.");
    cycle = toTeamCycle(row, now);
    cycles.push(cycle);
  }
  return { cycles, cycle };
}

/**
 * Who needs attention, in SQL: the same rule as attentionFlags (cycle-progress.ts) over a
 * participant's kept progress and figures (p), for a cycle that is open or not and near
 * its end or not. test/integration/reviews/team.test.ts holds the two together.
 */
function needsAttentionSql(cycleOpen: boolean, nearEnd: boolean): Prisma.Sql {
  const notStarted = !cycleOpen
    ? Prisma.sql`1 = 0`
    : nearEnd
      ? Prisma.sql`(p."selfProgress" = 0 OR p."managerProgress" = 0)`
      : Prisma.sql`(p."managerProgress" = 0 AND p."selfProgress" = ${SUBMITTED})`;
  return Prisma.sql`(p."userId" IS NOT NULL AND ${notStarted}) OR p."disagreements" > 0 OR (p."rated" > 0 AND p."unevidenced" >= p."rated" * CAST(${THIN_EVIDENCE_SHARE} AS REAL))`;
}

/** The people after the page's filters, in SQL; `members` columns (see teamOverview). */
function filterSql(filters: TeamFilters): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  if (filters.attentionOnly) conditions.push(Prisma.sql`attention = 1`);
  if (filters.state === "not-in-cycle") conditions.push(Prisma.sql`"inCycle" = 0`);
  else if (filters.state) conditions.push(Prisma.sql`"inCycle" = 1 AND ${inStateSql(Prisma.raw("self"), Prisma.raw("manager"), filters.state)}`);
  return Prisma.join(conditions, " AND ");
}

/** A group of people who count alike (the query's "count" rows), or one person of the page shown. */
type OverviewRow = {
  part: "person" | "count";
  inCycle: unknown;
  self: unknown;
  manager: unknown;
  attention: unknown;
  /** "count" rows: directly reporting to the viewer or not, and how many people. */
  direct: unknown;
  people: unknown;
  /** "person" rows. */
  depth: unknown;
  id: string;
  name: string;
  managerId: string;
  managerName: string;
  disagreements: unknown;
  rated: unknown;
  unevidenced: unknown;
  team: string | null;
  track: string | null;
  level: string | null;
  /** Their most recent submitted assessment (any cycle, either kind), when there is one. */
  latestId: string | null;
  latestKind: string | null;
  latestAuthorId: string | null;
  latestSubmittedAt: unknown;
  latestLadderVersionId: string | null;
  latestTrackId: string | null;
  latestCycleId: string | null;
};

/**
 * Everyone below the viewer in one statement, whatever their number: the reporting line
 * is walked in SQL (never passed as an id list), each person's place in the cycle is one
 * read of their participant row (kept by triggers, see the participant_progress
 * migration), and SQL groups them for the counts and picks, orders and pages the people
 * shown. Only the page's people come back one by one, with their team, track, level and
 * latest submitted assessment. On SQLite it runs off the event loop (read-off-loop.server.ts).
 */
async function queryOverview(viewerId: string, cycleId: string, attention: Prisma.Sql, filters: TeamFilters, page: number): Promise<OverviewRow[]> {
  // Byte order on both databases (PostgreSQL would otherwise sort by its locale).
  const byBytes = getEnv().databaseProvider === "postgresql" ? Prisma.sql` COLLATE "C"` : Prisma.empty;
  return readOffLoop<OverviewRow>(Prisma.sql`
    WITH RECURSIVE below(id, name, "managerId", "managerName", "deactivatedAt", depth) AS (
      SELECT u.id, u.name, u."managerId", m.name, u."deactivatedAt", 1
      FROM "User" u JOIN "User" m ON m.id = u."managerId"
      WHERE u."managerId" = ${viewerId}
      UNION ALL
      SELECT u.id, u.name, u."managerId", below.name, u."deactivatedAt", below.depth + 1
      FROM "User" u JOIN below ON u."managerId" = below.id
      WHERE below.depth < ${MAX_DEPTH}
    ),
    members AS MATERIALIZED (
      SELECT b.id, b.name, b."managerId", b."managerName", b.depth,
        CASE WHEN p."userId" IS NULL THEN 0 ELSE 1 END AS "inCycle",
        COALESCE(p."selfProgress", 0) AS self, COALESCE(p."managerProgress", 0) AS manager,
        COALESCE(p."disagreements", 0) AS disagreements, COALESCE(p."rated", 0) AS rated, COALESCE(p."unevidenced", 0) AS unevidenced,
        CASE WHEN ${attention} THEN 1 ELSE 0 END AS attention
      FROM below b
      LEFT JOIN "ReviewCycleParticipant" p ON p."cycleId" = ${cycleId} AND p."userId" = b.id
      WHERE b."deactivatedAt" IS NULL
    )
    SELECT 'person' AS part, shown."inCycle", shown.self, shown.manager, shown.attention, NULL AS direct, NULL AS people,
      shown.depth, shown.id, shown.name, shown."managerId", shown."managerName", shown.disagreements, shown.rated, shown.unevidenced,
      t.name AS team, u.track, u.level,
      la.id AS "latestId", la.kind AS "latestKind", la."authorId" AS "latestAuthorId", la."submittedAt" AS "latestSubmittedAt",
      la."ladderVersionId" AS "latestLadderVersionId", la."trackId" AS "latestTrackId", la."cycleId" AS "latestCycleId"
    FROM (
      -- Grouped by manager, nearest layer first: the viewer's own reports, then each manager's team.
      SELECT * FROM members
      WHERE ${filterSql(filters)}
      ORDER BY depth, "managerName"${byBytes}, "managerId"${byBytes}, name${byBytes}, id${byBytes}
      LIMIT ${TEAM_PAGE_SIZE} OFFSET ${(page - 1) * TEAM_PAGE_SIZE}
    ) shown
    -- LEFT JOIN (everyone shown is a "User") keeps the page's 25 as the outer loop: SQLite,
    -- not seeing the LIMIT's value, would otherwise scan every user.
    LEFT JOIN "User" u ON u.id = shown.id
    LEFT JOIN "Team" t ON t.id = u."teamId"
    LEFT JOIN "Assessment" la ON la.id = (
      SELECT a.id FROM "Assessment" a WHERE a."subjectId" = shown.id AND a.status = 'submitted' ORDER BY a."submittedAt" DESC, a.id DESC LIMIT 1
    )
    UNION ALL
    SELECT 'count', "inCycle", self, manager, attention, CASE WHEN depth = 1 THEN 1 ELSE 0 END, COUNT(*),
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM members
    GROUP BY "inCycle", self, manager, attention, CASE WHEN depth = 1 THEN 1 ELSE 0 END`);
}

export async function teamOverview(viewer: { id: string; name: string; isAdmin: boolean }, filters: TeamFilters, now = new Date()): Promise<TeamOverview> {
  const { cycles, cycle } = await loadCycles(filters, now);
  const cycleId = cycle?.id ?? "";
  const open = cycle !== null && cycle.status !== "closed";
  const left = cycle ? daysLeft(cycle.endsOn, now) : null;
  const attention = needsAttentionSql(open, left !== null && left <= NEAR_END_DAYS);

  let rows = await queryOverview(viewer.id, cycleId, attention, filters, filters.page);
  const groups = rows.filter((row) => row.part === "count");
  if (groups.length === 0) return { hasReports: false, viewerIsAdmin: viewer.isAdmin };

  const counts = emptyCounts();
  let reports = 0;
  let direct = 0;
  let notInCycle = 0;
  let needingAttention = 0;
  let total = 0;
  for (const group of groups) {
    const people = Number(group.people);
    const inCycle = Number(group.inCycle) === 1;
    const state = inCycle ? participantState(toProgress(group.self), toProgress(group.manager)) : null;
    const needsAttention = Number(group.attention) === 1;
    reports += people;
    if (Number(group.direct) === 1) direct += people;
    if (state) counts[state] += people;
    else notInCycle += people;
    if (needsAttention) needingAttention += people;
    const shown = (!filters.attentionOnly || needsAttention) && (!filters.state || (filters.state === "not-in-cycle" ? !inCycle : state === filters.state));
    if (shown) total += people;
  }
  const pageCount = Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  // A page past the end (an old link, after people moved on) shows the last one.
  if (page !== filters.page) rows = await queryOverview(viewer.id, cycleId, attention, filters, page);
  // In the query's order (a join need not keep it).
  const people = rows.filter((row) => row.part === "person").sort(byPlaceInLine);

  const { profiles, tracks } = await latestProfiles(viewer, people, cycles);
  const teamGroups: TeamGroup[] = [];
  for (const row of people) {
    const inCycle = Number(row.inCycle) === 1;
    const self = toProgress(row.self);
    const manager = toProgress(row.manager);
    const member: TeamMember = {
      id: row.id,
      name: row.name,
      team: row.team,
      track: row.track,
      level: row.level,
      state: inCycle ? participantState(self, manager) : null,
      flags: attentionFlags({
        inCycle,
        cycleOpen: open,
        daysLeft: left,
        self,
        manager,
        disagreements: Number(row.disagreements),
        rated: Number(row.rated),
        unevidenced: Number(row.unevidenced),
      }),
      profile: profiles.get(row.id) ?? null,
    };
    const last = teamGroups[teamGroups.length - 1];
    if (last && last.manager?.id === row.managerId) last.members.push(member);
    else teamGroups.push({ manager: { id: row.managerId, name: row.managerName }, isViewer: row.managerId === viewer.id, members: [member] });
  }

  return {
    hasReports: true,
    cycles: cycles.map(({ id, name }) => ({ id, name })),
    cycle,
    daysLeft: open ? left : null,
    filters: { ...filters, cycleId },
    reports,
    direct,
    counts,
    notInCycle,
    needingAttention,
    total,
    page,
    pageCount,
    groups: teamGroups,
    tracks,
    scale: profiles.size ? ((await servedLadders())[0]?.ladder.scale ?? []) : [],
  };
}

/** The page's order: depth, then manager name and id, then name and id, compared as the databases do (byte order). */
function byPlaceInLine(a: OverviewRow, b: OverviewRow): number {
  return Number(a.depth) - Number(b.depth) || byCodePoints(a.managerName, b.managerName) || byCodePoints(a.managerId, b.managerId) || byCodePoints(a.name, b.name) || byCodePoints(a.id, b.id);
}

/** UTF-8 byte order is code point order; `<` compares UTF-16 units, which differs only around astral characters. */
function byCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.codePointAt(index)!;
    const y = b.codePointAt(index)!;
    if (x !== y) return x - y;
    if (x > 0xffff) index += 1;
  }
  return a.length - b.length;
}

/** Each shown person's most recent submitted assessment, its ratings in the order of the ladder version it was made against. */
async function latestProfiles(
  viewer: { id: string; isAdmin: boolean },
  people: OverviewRow[],
  knownCycles: TeamCycle[],
): Promise<{ profiles: Map<string, RatingsProfile>; tracks: Record<string, string[]> }> {
  const profiles = new Map<string, RatingsProfile>();
  const tracks: Record<string, string[]> = {};
  const latest = people.filter((row) => {
    if (!row.latestId) return false;
    // These people were found by walking down from the viewer, so the viewer is in each one's manager chain.
    return canReadAssessment(
      { kind: row.latestKind === "manager" ? "manager" : "self", status: "submitted", subjectId: row.id, authorId: row.latestAuthorId ?? "" },
      { viewerId: viewer.id, viewerIsAdmin: viewer.isAdmin, subjectManagerChain: [viewer.id], subjectSelfSubmitted: false },
    );
  });
  if (!latest.length) return { profiles, tracks };
  const ratingsOf = await submittedRatings(latest.map((row) => row.latestId!));
  // Usually one of the recent cycles already loaded; older ones are named in one more query.
  const cycleNames = new Map(knownCycles.map((cycle) => [cycle.id, cycle.name]));
  const unknown = [...new Set(latest.flatMap((row) => (row.latestCycleId && !cycleNames.has(row.latestCycleId) ? [row.latestCycleId] : [])))];
  if (unknown.length) {
    for (const cycle of await db.reviewCycle.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } })) cycleNames.set(cycle.id, cycle.name);
  }
  for (const row of latest) {
    const trackKey = `${row.latestLadderVersionId}:${row.latestTrackId}`;
    const given = ratingsOf.get(row.latestId!) ?? new Map<string, number | null>();
    if (!tracks[trackKey]) {
      // Read per ladder version at most once a process: versions never change.
      const ladder = await ladderOfVersion(row.latestLadderVersionId!);
      const track = ladder ? getTrack(ladder, row.latestTrackId!) : undefined;
      const names = new Map(ladder?.competencies.map((competency) => [competency.id, competency.name]) ?? []);
      tracks[trackKey] = track ? track.competencyIds.map((id) => names.get(id) ?? id) : [...given.keys()];
      trackOrder.set(trackKey, track ? track.competencyIds : [...given.keys()]);
    }
    profiles.set(row.id, {
      kind: row.latestKind === "manager" ? "manager" : "self",
      cycleName: row.latestCycleId ? (cycleNames.get(row.latestCycleId) ?? null) : null,
      submittedAt: row.latestSubmittedAt === null ? null : toDate(row.latestSubmittedAt),
      trackKey,
      ratings: trackOrder.get(trackKey)!.map((id) => given.get(id) ?? null),
    });
  }
  return { profiles, tracks };
}

/** Competency ids per `${ladderVersionId}:${trackId}`; ladder versions never change. */
const trackOrder = new Map<string, string[]>();
