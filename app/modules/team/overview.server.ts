import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { getLevel, placeLabel, type ScalePoint } from "~/modules/ladders";
import { ladderInLanguage, servedLaddersIn } from "~/modules/ladders/registry.server";
import { ladderOfVersion } from "~/modules/ladders/versions.server";
import { NotFoundError } from "~/modules/errors";
import { daysLeft } from "~/modules/days";
import {
  attentionFlags,
  cycleStatus,
  emptyCounts,
  PARTICIPANT_STATES,
  participantState,
  type AttentionFlag,
  type CycleStatus,
  type ParticipantState,
  type StateCounts,
} from "~/modules/cycles/cycle-progress";
import { canReadAssessment, sharedWhenBothSubmitted } from "~/modules/assessments/policy";
import { reportsGoals, type ReportGoals } from "~/modules/goals/goals.server";
import { choiceParam, pageParam, textParam } from "~/utils/search-params";
import { pageWindow } from "./page-window";
import { ViewCache } from "~/platform/view-cache.server";
import {
  cycleById,
  cycleNames,
  cyclesWithPeopleBelow,
  newestCycles,
  overviewCounts,
  overviewPage,
  submittedRatings,
  teamVersion,
  type CycleRow,
  type OverviewPerson,
} from "./queries.server";
import * as clock from "~/platform/clock.server";

/**
 * The team overview: everyone below a manager (direct and indirect reports), where
 * each stands in a review cycle, their latest submitted ratings and who needs
 * attention. Two queries whatever the number of reports (the cycles offered; everyone
 * below the viewer, counted, filtered and paged in SQL: queryOverview), plus one for
 * the shown people's latest ratings (submittedRatings), and one naming older cycles.
 */

/** People a page: each brings a strip of every competency and its sentence, and a page is held to 64 KB of HTML (docs/benchmarks). */
export const TEAM_PAGE_SIZE = 15;
const CYCLES_OFFERED = 20;

export type TeamFilters = {
  /** A cycle id, or "" for the current one. */
  cycleId: string;
  attentionOnly: boolean;
  state: ParticipantState | "not-in-cycle" | "";
  page: number;
};

export function parseTeamFilters(searchParams: URLSearchParams): TeamFilters {
  return {
    cycleId: textParam(searchParams, "cycle"),
    attentionOnly: choiceParam(searchParams, "show", ["attention"], "view") === "attention",
    state: choiceParam(searchParams, "state", [...PARTICIPANT_STATES, "not-in-cycle"]),
    page: pageParam(searchParams),
  };
}

export type TeamCycle = {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  closedAt: Date | null;
  status: CycleStatus;
};

/** A person's latest submitted ratings; `ratings` follows the order of `TeamOverview.tracks[trackKey]`. */
export type RatingsProfile = {
  kind: "self" | "manager";
  cycleName: string | null;
  submittedAt: Date | null;
  trackKey: string;
  ratings: (number | null)[];
};

export type TeamMember = {
  id: string;
  name: string;
  team: string | null;
  track: string | null;
  level: string | null;
  /** Their track and level in words, or null when they have none. */
  place: string | null;
  /** Their step in the cycle; null when they are not in it. */
  state: ParticipantState | null;
  flags: AttentionFlag[];
  profile: RatingsProfile | null;
  /** Their objectives in a period open today that the viewer may read, and their key results with a check-in due (the goals module's). */
  goals: ReportGoals;
};

export type TeamGroup = {
  manager: { id: string; name: string } | null;
  isViewer: boolean;
  members: TeamMember[];
};

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
      /** Competency names per ladder version and level, sent once for every profile that uses them. */
      tracks: Record<string, string[]>;
      /** The rating scale's values and labels, for the strips' legend. */
      scale: Pick<ScalePoint, "value" | "label">[];
    };

// ---------------------------------------------------------------- the overview

/**
 * The overview's reads (its counts, a page of people, their ratings), kept per viewer, cycle,
 * filters and version of everything they read (teamVersion), as the calibration views keep theirs
 * (decision 049): counting everyone below a VP's 5,000 people cost PostgreSQL 9 ms a request.
 * The viewer is in every key through the query (its viewerId) or the page's assessment ids.
 */
const reads = new ViewCache<unknown>({ entries: 256, maxAgeMs: 10 * 60 * 1000 });

function kept<T>(key: unknown[], read: () => Promise<T>): Promise<T> {
  return reads.get(JSON.stringify(key), read) as Promise<T>;
}

/**
 * The cycle a manager most likely means: of the cycles any of their reports are in, the newest open
 * one, else the newest not yet started, else the newest; the same among all cycles when none of them
 * holds a report (a cycle for other teams would show nothing but "not in this cycle").
 */
export function currentCycle<T extends { id: string; status: CycleStatus }>(
  cycles: readonly T[],
  withReports: ReadonlySet<string>,
): T | null {
  const theirs = cycles.filter((cycle) => withReports.has(cycle.id));
  const from = theirs.length ? theirs : cycles;
  return (
    from.find((cycle) => cycle.status === "open" || cycle.status === "overdue") ??
    from.find((cycle) => cycle.status === "upcoming") ??
    from[0] ??
    null
  );
}

function toTeamCycle(row: CycleRow, now: Date): TeamCycle {
  return { ...row, status: cycleStatus(row, now) };
}

/** The newest cycles, and the chosen one if it is older; in raw SQL, as the page is opened often (decision 006). */
async function loadCycles(
  filters: TeamFilters,
  now: Date,
): Promise<{ cycles: TeamCycle[]; cycle: TeamCycle | null }> {
  const cycles = (await newestCycles(CYCLES_OFFERED)).map((row) => toTeamCycle(row, now));
  if (!filters.cycleId) return { cycles, cycle: currentCycle(cycles, new Set()) };
  let cycle = cycles.find((row) => row.id === filters.cycleId);
  if (!cycle) {
    const row = await cycleById(filters.cycleId);
    if (!row) throw new NotFoundError({ key: "cycles:errors.noCycle" });
    cycle = toTeamCycle(row, now);
    cycles.push(cycle);
  }
  return { cycles, cycle };
}

export async function teamOverview(
  viewer: { id: string; name: string; isAdmin: boolean },
  filters: TeamFilters,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<TeamOverview> {
  const loaded = await loadCycles(filters, now);
  const { cycles } = loaded;
  let { cycle } = loaded;
  const queryFor = (chosen: TeamCycle | null) => {
    const open = chosen !== null && chosen.status !== "closed";
    return {
      viewerId: viewer.id,
      cycleId: chosen?.id ?? "",
      cycleOpen: open,
      daysLeft: chosen ? daysLeft(chosen.endsOn, now) : null,
    };
  };
  let query = queryFor(cycle);
  const version = await teamVersion();
  let groups = await kept(["counts", query, version], () => overviewCounts(query));
  if (groups.length === 0) return { hasReports: false, viewerIsAdmin: viewer.isAdmin };
  // Opened without a cycle on one that holds none of the viewer's reports: the cycle they mean is
  // one that does (asked only then, so the usual page costs nothing more).
  if (!filters.cycleId && cycle && !groups.some((group) => group.inCycle)) {
    const cycleIds = cycles.map((row) => row.id);
    const withReports = await kept(["theirs", viewer.id, cycleIds, version], async () => [
      ...(await cyclesWithPeopleBelow(viewer.id, cycleIds)),
    ]);
    const theirs = currentCycle(cycles, new Set(withReports));
    if (theirs && theirs.id !== cycle.id) {
      cycle = theirs;
      query = queryFor(cycle);
      groups = await kept(["counts", query, version], () => overviewCounts(query));
    }
  }
  const cycleOpen = query.cycleOpen;
  const left = query.daysLeft;

  const counts = emptyCounts();
  let reports = 0;
  let direct = 0;
  let notInCycle = 0;
  let needingAttention = 0;
  /** People after the filters, per layer below the viewer. */
  const shownAtDepth = new Map<number, number>();
  for (const group of groups) {
    const state = group.inCycle ? participantState(group.self, group.manager) : null;
    reports += group.people;
    if (group.depth === 1) direct += group.people;
    if (state) counts[state] += group.people;
    else notInCycle += group.people;
    if (group.attention) needingAttention += group.people;
    const shown =
      (!filters.attentionOnly || group.attention) &&
      (!filters.state ||
        (filters.state === "not-in-cycle" ? !group.inCycle : state === filters.state));
    if (shown) shownAtDepth.set(group.depth, (shownAtDepth.get(group.depth) ?? 0) + group.people);
  }
  const total = [...shownAtDepth.values()].reduce((sum, people) => sum + people, 0);
  const pageCount = Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE));
  // A page past the end (an old link, after people moved on) shows the last one.
  const page = Math.min(filters.page, pageCount);
  const window = pageWindow(shownAtDepth, (page - 1) * TEAM_PAGE_SIZE, TEAM_PAGE_SIZE);
  const shown = { attentionOnly: filters.attentionOnly, state: filters.state };
  const found = window
    ? await kept(["page", query, shown, window, version], () => overviewPage(query, shown, window))
    : [];
  // In the query's order (a join need not keep it).
  const people = [...found].sort(byPlaceInLine);

  const [{ profiles, tracks }, goals] = await Promise.all([
    latestProfiles(viewer, people, cycles, version, language),
    reportsGoals(
      viewer,
      people.map((row) => row.id),
      now,
    ),
  ]);
  const ladders = (await servedLaddersIn(language)).map((served) => served.ladder);
  const teamGroups: TeamGroup[] = [];
  for (const row of people) {
    const member: TeamMember = {
      id: row.id,
      name: row.name,
      team: row.team,
      track: row.track,
      level: row.level,
      place: placeLabel(ladders, row.track, row.level, row.ladderId),
      state: row.inCycle ? participantState(row.self, row.manager) : null,
      flags: attentionFlags({
        inCycle: row.inCycle,
        cycleOpen,
        daysLeft: left,
        self: row.self,
        manager: row.manager,
        disagreements: row.disagreements,
        rated: row.rated,
        unevidenced: row.unevidenced,
      }),
      profile: profiles.get(row.id) ?? null,
      goals: goals.get(row.id) ?? { objectives: [], overdue: 0 },
    };
    const last = teamGroups[teamGroups.length - 1];
    if (last && last.manager?.id === row.managerId) last.members.push(member);
    else
      teamGroups.push({
        manager: { id: row.managerId, name: row.managerName },
        isViewer: row.managerId === viewer.id,
        members: [member],
      });
  }

  return {
    hasReports: true,
    cycles: cycles.map(({ id, name }) => ({ id, name })),
    cycle,
    daysLeft: cycleOpen ? left : null,
    filters: { ...filters, cycleId: cycle?.id ?? "" },
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
    scale: profiles.size
      ? ((await servedLaddersIn(language))[0]?.ladder.scale ?? []).map(({ value, label }) => ({
          value,
          label,
        }))
      : [],
  };
}

/** The page's order: depth, then manager name and id, then name and id, compared as the databases do (byte order). */
function byPlaceInLine(a: OverviewPerson, b: OverviewPerson): number {
  return (
    a.depth - b.depth ||
    byCodePoints(a.managerName, b.managerName) ||
    byCodePoints(a.managerId, b.managerId) ||
    byCodePoints(a.name, b.name) ||
    byCodePoints(a.id, b.id)
  );
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
  people: OverviewPerson[],
  knownCycles: TeamCycle[],
  version: string,
  language: PageLanguage,
): Promise<{ profiles: Map<string, RatingsProfile>; tracks: Record<string, string[]> }> {
  const profiles = new Map<string, RatingsProfile>();
  const tracks: Record<string, string[]> = {};
  const latest = people.filter((row) => {
    if (!row.latestId) return false;
    // These people were found by walking down from the viewer, so the viewer is in each one's manager chain.
    return canReadAssessment(
      {
        kind: row.latestKind === "manager" ? "manager" : "self",
        status: "submitted",
        subjectId: row.id,
        authorId: row.latestAuthorId ?? "",
      },
      // The subject is never the viewer here, so when their cycle shares reviews with them does not count.
      {
        viewerId: viewer.id,
        viewerIsAdmin: viewer.isAdmin,
        subjectManagerChain: [viewer.id],
        subjectSelfSubmitted: false,
        sharing: sharedWhenBothSubmitted(clock.now()),
      },
    );
  });
  if (!latest.length) return { profiles, tracks };
  const assessmentIds = latest.map((row) => row.latestId!);
  const ratingsOf = await kept(["ratings", assessmentIds, version], () =>
    submittedRatings(assessmentIds),
  );
  // Usually one of the recent cycles already loaded; older ones are named in one more query.
  const names = new Map(knownCycles.map((cycle) => [cycle.id, cycle.name]));
  const unknown = [
    ...new Set(
      latest.flatMap((row) =>
        row.latestCycleId && !names.has(row.latestCycleId) ? [row.latestCycleId] : [],
      ),
    ),
  ];
  for (const cycle of await cycleNames(unknown)) names.set(cycle.id, cycle.name);
  for (const row of latest) {
    const trackKey = `${row.latestLadderVersionId}:${row.latestLevelId}`;
    const given = ratingsOf.get(row.latestId!) ?? new Map<string, number | null>();
    if (!tracks[trackKey]) {
      // Read per ladder version at most once a process: versions never change.
      const stored = await ladderOfVersion(row.latestLadderVersionId!);
      const ladder = stored && ladderInLanguage(stored, language).ladder;
      const level = ladder ? getLevel(ladder, row.latestLevelId!) : undefined;
      const competencyNames = new Map(
        ladder?.competencies.map((competency) => [competency.id, competency.name]) ?? [],
      );
      tracks[trackKey] = level
        ? level.competencyIds.map((id) => competencyNames.get(id) ?? id)
        : [...given.keys()];
      trackOrder.set(trackKey, level ? level.competencyIds : [...given.keys()]);
    }
    profiles.set(row.id, {
      kind: row.latestKind === "manager" ? "manager" : "self",
      cycleName: row.latestCycleId ? (names.get(row.latestCycleId) ?? null) : null,
      submittedAt: row.latestSubmittedAt,
      trackKey,
      ratings: trackOrder.get(trackKey)!.map((id) => given.get(id) ?? null),
    });
  }
  return { profiles, tracks };
}

/** Competency ids per `${ladderVersionId}:${levelId}` (those that apply at the level); ladder versions never change. */
const trackOrder = new Map<string, string[]>();
