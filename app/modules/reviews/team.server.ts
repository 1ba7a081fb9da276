import { getTrack, type ScalePoint } from "~/modules/ladders";
import { servedLadders } from "~/modules/ladders/registry.server";
import { ladderOfVersion } from "~/modules/ladders/versions.server";
import { db, Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import {
  attentionFlags,
  countDisagreements,
  cycleStatus,
  daysLeft,
  emptyCounts,
  parseState,
  DRAFT,
  NONE,
  participantState,
  SUBMITTED,
  type AttentionFlag,
  type CycleStatus,
  type ParticipantState,
  type Progress,
  type StateCounts,
} from "./cycle-progress";
import { canReadAssessment } from "./policy";

/**
 * The team overview: everyone below a manager (direct and indirect reports), where
 * each stands in a review cycle, their latest submitted ratings and who needs
 * attention. One query covers every report whatever their number (the reporting line
 * is walked in SQL, never passed as an id list); the page shown costs two more (its
 * people's latest assessments; their track, level and team), plus one for ratings not
 * read before (see submittedFacts).
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
  inCycle: boolean;
  selfProgress: Progress;
  managerProgress: Progress;
  state: ParticipantState | null;
  flags: AttentionFlag[];
  profile: RatingsProfile | null;
};

export type TeamGroup = { manager: { id: string; name: string } | null; isViewer: boolean; members: TeamMember[] };

export type TeamOverview =
  | { hasReports: false; viewerIsAdmin: boolean }
  | {
      hasReports: true;
      cycles: TeamCycle[];
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

/** One row per report: where they stand in the cycle, and their submitted assessments in it. */
type ReportRow = {
  id: string;
  name: string;
  managerId: string | null;
  depth: unknown;
  inCycle: unknown;
  /** null (nothing yet), "1" (a draft) or "2" followed by the submitted assessment's id. */
  self: string | null;
  manager: string | null;
};

function progressOfSide(side: string | null): { progress: Progress; submittedId: string | null } {
  if (side === null) return { progress: NONE, submittedId: null };
  return side.startsWith("2") ? { progress: SUBMITTED, submittedId: side.slice(1) } : { progress: DRAFT, submittedId: null };
}

// ---------------------------------------------------------------- submitted ratings

type SubmittedFacts = { ratings: Map<string, number | null>; rated: number; unevidenced: number };

/**
 * A submitted assessment never changes (assessments.server.ts), so what the overview
 * needs from one (its ratings, and how many have no evidence) is read once per process
 * and kept. Nothing mutable is cached, so app servers never disagree; entries of a
 * deleted assessment are simply never asked for again, and the oldest are dropped
 * beyond FACTS_KEPT (about 30 MB for a 5,000-person organisation's last two cycles).
 */
const FACTS_KEPT = 100_000;
const globalForTeam = globalThis as unknown as { rungsSubmittedFacts?: Map<string, SubmittedFacts> };
const factsCache = (globalForTeam.rungsSubmittedFacts ??= new Map());

async function submittedFacts(assessmentIds: Iterable<string>): Promise<ReadonlyMap<string, SubmittedFacts>> {
  const missing = [...new Set(assessmentIds)].filter((id) => !factsCache.has(id));
  // Bounded IN lists: a manager of thousands reads their reports' ratings in a few batches, once.
  for (let start = 0; start < missing.length; start += 500) {
    const batch = missing.slice(start, start + 500);
    const rows = await db.assessmentRating.findMany({
      where: { assessmentId: { in: batch }, assessment: { status: "submitted" } },
      select: { assessmentId: true, competencyId: true, rating: true, _count: { select: { evidence: true } } },
    });
    // Only what came back is kept: an id without rows (none rated, or not submitted after
    // all) is read again next time rather than remembered as empty.
    const fresh = new Map<string, SubmittedFacts>();
    for (const row of rows) {
      let facts = fresh.get(row.assessmentId);
      if (!facts) fresh.set(row.assessmentId, (facts = { ratings: new Map(), rated: 0, unevidenced: 0 }));
      facts.ratings.set(row.competencyId, row.rating);
      if (row.rating !== null) {
        facts.rated += 1;
        if (row._count.evidence === 0) facts.unevidenced += 1;
      }
    }
    for (const [id, facts] of fresh) factsCache.set(id, facts);
  }
  while (factsCache.size > FACTS_KEPT) factsCache.delete(factsCache.keys().next().value!);
  // Callers read the ids they asked for straight away, before anything else can evict them.
  return factsCache;
}

const disagreementCache = new Map<string, number>();

/** Both assessments are submitted, so their disagreement never changes either. */
function disagreementsBetween(selfId: string, self: SubmittedFacts, reviewId: string, review: SubmittedFacts): number {
  const key = `${selfId}:${reviewId}`;
  let count = disagreementCache.get(key);
  if (count === undefined) {
    count = countDisagreements(self.ratings, review.ratings);
    disagreementCache.set(key, count);
    if (disagreementCache.size > FACTS_KEPT) disagreementCache.delete(disagreementCache.keys().next().value!);
  }
  return count;
}

// ---------------------------------------------------------------- the overview

/** The cycle a manager most likely means: the newest open one, else the newest not yet started, else the newest. */
function currentCycle(cycles: TeamCycle[]): TeamCycle | null {
  return cycles.find((cycle) => cycle.status === "open" || cycle.status === "overdue") ?? cycles.find((cycle) => cycle.status === "upcoming") ?? cycles[0] ?? null;
}

async function loadCycles(filters: TeamFilters, now: Date): Promise<{ cycles: TeamCycle[]; cycle: TeamCycle | null }> {
  const select = { id: true, name: true, startsOn: true, endsOn: true, closedAt: true } as const;
  const rows = await db.reviewCycle.findMany({ orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }], take: CYCLES_OFFERED, select });
  const cycles = rows.map((row) => ({ ...row, status: cycleStatus(row, now) }));
  if (!filters.cycleId) return { cycles, cycle: currentCycle(cycles) };
  let cycle = cycles.find((row) => row.id === filters.cycleId);
  if (!cycle) {
    const row = await db.reviewCycle.findUnique({ where: { id: filters.cycleId }, select });
    if (!row) throw notFound("There is no review cycle with that id.");
    cycle = { ...row, status: cycleStatus(row, now) };
    cycles.push(cycle);
  }
  return { cycles, cycle };
}

export async function teamOverview(viewer: { id: string; name: string; isAdmin: boolean }, filters: TeamFilters, now = new Date()): Promise<TeamOverview> {
  const { cycles, cycle } = await loadCycles(filters, now);
  const cycleId = cycle?.id ?? "";

  // The walk down the reporting line carries the columns every report needs (for the
  // counts, the order and who needs attention), so nothing joins back to "User"; what
  // only the page shown needs is read for it alone (pageDetails). Each report then costs
  // three index lookups: the participants' key, and the (cycleId, subjectId, kind,
  // status, id) index of assessments once per kind. That is cheaper than joining and
  // grouping (a temporary B-tree), the same for any number of reports. Per kind, MAX over
  // '2' || id (submitted) and '1' (a draft) gives in one value how far that side has got
  // and, when submitted, the assessment's id; in a cycle a person has at most one of each
  // kind (assessments.server.ts).
  const reports = await db.$queryRaw<ReportRow[]>`
    WITH RECURSIVE below(id, name, "managerId", "deactivatedAt", depth) AS (
      SELECT id, name, "managerId", "deactivatedAt", 1 FROM "User" WHERE "managerId" = ${viewer.id}
      UNION ALL
      SELECT u.id, u.name, u."managerId", u."deactivatedAt", below.depth + 1
      FROM "User" u JOIN below ON u."managerId" = below.id
      WHERE below.depth < ${MAX_DEPTH}
    )
    SELECT b.id, b.name, b."managerId", b.depth,
      EXISTS (SELECT 1 FROM "ReviewCycleParticipant" p WHERE p."cycleId" = ${cycleId} AND p."userId" = b.id) AS "inCycle",
      (SELECT MAX(CASE WHEN a.status = 'submitted' THEN '2' || a.id ELSE '1' END) FROM "Assessment" a
        WHERE a."cycleId" = ${cycleId} AND a."subjectId" = b.id AND a.kind = 'self') AS self,
      (SELECT MAX(CASE WHEN a.status = 'submitted' THEN '2' || a.id ELSE '1' END) FROM "Assessment" a
        WHERE a."cycleId" = ${cycleId} AND a."subjectId" = b.id AND a.kind = 'manager') AS manager
    FROM below b
    WHERE b."deactivatedAt" IS NULL`;
  if (reports.length === 0) return { hasReports: false, viewerIsAdmin: viewer.isAdmin };
  // Every report's manager is the viewer or another report, so their names are all here.
  const nameOf = new Map(reports.map((row) => [row.id, row.name]));
  nameOf.set(viewer.id, viewer.name);

  const sides = reports.map((row) => ({ self: progressOfSide(row.self), manager: progressOfSide(row.manager) }));
  // Only submitted assessments count here: drafts are their author's alone.
  const facts = await submittedFacts(sides.flatMap(({ self, manager }) => [self.submittedId, manager.submittedId].filter((id): id is string => id !== null)));

  const open = cycle !== null && cycle.status !== "closed";
  const left = cycle ? daysLeft(cycle.endsOn, now) : null;
  const counts = emptyCounts();
  let notInCycle = 0;
  let needingAttention = 0;
  const members = reports.map((row, index) => {
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    const inCycle = Boolean(Number(row.inCycle));
    const { self: selfSide, manager: managerSide } = sides[index]!;
    const state = inCycle ? participantState(selfSide.progress, managerSide.progress) : null;
    const self = selfSide.submittedId ? facts.get(selfSide.submittedId) : undefined;
    const review = managerSide.submittedId ? facts.get(managerSide.submittedId) : undefined;
    const flags = attentionFlags({
      inCycle,
      cycleOpen: open,
      daysLeft: left,
      self: selfSide.progress,
      manager: managerSide.progress,
      disagreements: self && review ? disagreementsBetween(selfSide.submittedId!, self, managerSide.submittedId!, review) : 0,
      rated: (self?.rated ?? 0) + (review?.rated ?? 0),
      unevidenced: (self?.unevidenced ?? 0) + (review?.unevidenced ?? 0),
    });
    if (state) counts[state] += 1;
    else notInCycle += 1;
    if (flags.length) needingAttention += 1;
    const member: TeamMember = {
      id: row.id,
      name: row.name,
      team: null,
      track: null,
      level: null,
      inCycle,
      selfProgress: selfSide.progress,
      managerProgress: managerSide.progress,
      state,
      flags,
      profile: null,
    };
    return { row, managerName: row.managerId ? (nameOf.get(row.managerId) ?? null) : null, depth: Number(row.depth), member };
  });

  const shown = members
    .filter(({ member }) => !filters.attentionOnly || member.flags.length > 0)
    .filter(({ member }) => !filters.state || (filters.state === "not-in-cycle" ? !member.inCycle : member.state === filters.state))
    // Grouped by manager, nearest layer first: the viewer's own reports, then each manager's team.
    .sort((a, b) => a.depth - b.depth || compare(a.managerName, b.managerName) || compare(a.row.managerId, b.row.managerId) || compare(a.row.name, b.row.name) || compare(a.row.id, b.row.id));
  const total = shown.length;
  const pageCount = Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const pageRows = shown.slice((page - 1) * TEAM_PAGE_SIZE, page * TEAM_PAGE_SIZE);

  const pageIds = pageRows.map(({ member }) => member.id);
  const [{ profiles, tracks }, details] = await Promise.all([latestProfiles(viewer, pageIds, cycles), pageDetails(pageIds)]);
  const groups: TeamGroup[] = [];
  for (const { row, managerName, member } of pageRows) {
    member.profile = profiles.get(member.id) ?? null;
    Object.assign(member, details.get(member.id));
    const last = groups[groups.length - 1];
    if (last && last.manager?.id === row.managerId) last.members.push(member);
    else groups.push({ manager: row.managerId ? { id: row.managerId, name: managerName ?? "" } : null, isViewer: row.managerId === viewer.id, members: [member] });
  }

  return {
    hasReports: true,
    cycles,
    cycle,
    daysLeft: open ? left : null,
    filters: { ...filters, cycleId },
    reports: reports.length,
    direct: members.filter(({ depth }) => depth === 1).length,
    counts,
    notInCycle,
    needingAttention,
    total,
    page,
    pageCount,
    groups,
    tracks,
    scale: profiles.size ? ((await servedLadders())[0]?.ladder.scale ?? []) : [],
  };
}

type PersonDetails = Pick<TeamMember, "team" | "track" | "level">;

/** Track, level and team of the people on the page shown: every report's would cost more lookups and columns each. */
async function pageDetails(personIds: string[]): Promise<Map<string, PersonDetails>> {
  if (!personIds.length) return new Map();
  const rows = await db.$queryRaw<(PersonDetails & { id: string })[]>`
    SELECT u.id, t.name AS team, u.track, u.level
    FROM "User" u
    LEFT JOIN "Team" t ON t.id = u."teamId"
    WHERE u.id IN (${Prisma.join(personIds)})`;
  return new Map(rows.map(({ id, ...details }) => [id, details]));
}

function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  return (a ?? "") < (b ?? "") ? -1 : 1;
}

/**
 * Each person's most recent submitted assessment (self or manager, any cycle), its
 * ratings in the order of the ladder version it was made against.
 */
async function latestProfiles(
  viewer: { id: string; isAdmin: boolean },
  personIds: string[],
  knownCycles: TeamCycle[],
): Promise<{ profiles: Map<string, RatingsProfile>; tracks: Record<string, string[]> }> {
  const profiles = new Map<string, RatingsProfile>();
  const tracks: Record<string, string[]> = {};
  if (!personIds.length) return { profiles, tracks };
  const assessments = await db.assessment.findMany({
    where: { subjectId: { in: personIds }, status: "submitted" },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, subjectId: true, authorId: true, submittedAt: true, ladderVersionId: true, trackId: true, cycleId: true },
  });
  const latest = new Map<string, (typeof assessments)[number]>();
  for (const assessment of assessments) {
    if (latest.has(assessment.subjectId)) continue;
    const kind = assessment.kind === "manager" ? "manager" : "self";
    // These people were found by walking down from the viewer, so the viewer is in each one's manager chain.
    const readable = canReadAssessment(
      { kind, status: "submitted", subjectId: assessment.subjectId, authorId: assessment.authorId },
      { viewerId: viewer.id, viewerIsAdmin: viewer.isAdmin, subjectManagerChain: [viewer.id], subjectSelfSubmitted: false },
    );
    if (readable) latest.set(assessment.subjectId, assessment);
  }
  const cached = await submittedFacts([...latest.values()].map((assessment) => assessment.id));
  // Taken now: the awaits below could let another request evict entries from the cache.
  const ratingsOf = new Map([...latest.values()].map((assessment) => [assessment.id, cached.get(assessment.id)?.ratings]));
  // Usually one of the recent cycles already loaded; older ones are named in one more query.
  const cycleNames = new Map(knownCycles.map((cycle) => [cycle.id, cycle.name]));
  const unknown = [...new Set([...latest.values()].flatMap((assessment) => (assessment.cycleId && !cycleNames.has(assessment.cycleId) ? [assessment.cycleId] : [])))];
  if (unknown.length) {
    for (const cycle of await db.reviewCycle.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } })) cycleNames.set(cycle.id, cycle.name);
  }
  for (const [personId, assessment] of latest) {
    const trackKey = `${assessment.ladderVersionId}:${assessment.trackId}`;
    const given = ratingsOf.get(assessment.id) ?? new Map<string, number | null>();
    if (!tracks[trackKey]) {
      // Cached per version; one read per distinct ladder version at most.
      const ladder = await ladderOfVersion(assessment.ladderVersionId);
      const track = ladder ? getTrack(ladder, assessment.trackId) : undefined;
      const names = new Map(ladder?.competencies.map((competency) => [competency.id, competency.name]) ?? []);
      tracks[trackKey] = track ? track.competencyIds.map((id) => names.get(id) ?? id) : [...given.keys()];
      trackOrder.set(trackKey, track ? track.competencyIds : [...given.keys()]);
    }
    profiles.set(personId, {
      kind: assessment.kind === "manager" ? "manager" : "self",
      cycleName: assessment.cycleId ? (cycleNames.get(assessment.cycleId) ?? null) : null,
      submittedAt: assessment.submittedAt,
      trackKey,
      ratings: trackOrder.get(trackKey)!.map((id) => given.get(id) ?? null),
    });
  }
  return { profiles, tracks };
}

/** Competency ids per `${ladderVersionId}:${trackId}`; ladder versions never change. */
const trackOrder = new Map<string, string[]>();
