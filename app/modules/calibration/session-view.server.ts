import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import { messageText, type Message } from "~/i18n/messages";
import { canViewPerson, type Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { erasedAmong, isErased } from "~/modules/people/erased.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import { getCompetency, placeLabel, targetFor } from "~/modules/ladders";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import {
  agendaOrder,
  byName,
  entryFlags,
  nearPromotionBoundary,
  ratingDistribution,
  type EntryFlag,
  type LevelOutcome,
} from "./entries";
import { managerLeniency } from "./leniency";
import { NotFoundError } from "~/modules/errors";
import { promotionTargetProblem } from "./outcomes";
import { describeEvent, storedIdList, type HistoryContext } from "./history";
import { DISCUSS_EVENT } from "./meeting-mode";
import { proposalGap } from "./proposal-gap";
import {
  canChangeState,
  canMarkProposal,
  canOpenEntry,
  canOverseeSession,
  canPropose,
  canRateIndependently,
  canRecordOutcome,
  canReleaseOutcome,
  canSeeFairness,
  canSeePreReads,
  canScheduleMeeting,
  canSeeProposal,
  isFacilitator,
} from "./policy";
import { raterSeverity } from "./rater-model";
import { nextState } from "./session-state";
import { sessionEntries } from "./queries.server";
import { ownOutcomes, requireSessionAccess } from "./sessions.server";
import { summarise } from "~/modules/statistics/summary";
import { ViewCache } from "~/platform/view-cache.server";
import { textParam } from "~/utils/search-params";
import { nineBox, SECOND_DIMENSION_POINTS, sessionScale, type SessionScale } from "./scale";
import { largest } from "~/utils/extremes";

/**
 * Filters of the session page: a team and a manager by name, typed (a session of a large
 * organisation has hundreds of each, too many for a drop-down, and names are what people know),
 * matched whatever their case (two managers of one name filter as one); a track and a level by
 * id, chosen from short lists.
 */
export type SessionFilters = {
  team: string | null;
  manager: string | null;
  track: string | null;
  level: string | null;
};

/** The filters as a page's query string gives them (team and manager typed, track and level chosen). */
export function readSessionFilters(search: URLSearchParams): SessionFilters {
  return {
    team: textParam(search, "team", 200) || null,
    manager: textParam(search, "manager", 200) || null,
    track: textParam(search, "track") || null,
    level: textParam(search, "level") || null,
  };
}

/** How typed names are compared: trimmed, case and accents as typed in any case. */
const sameName = (a: string | null, b: string) =>
  a !== null && a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");

/** Names offered as someone types a team or manager filter. */
const SUGGESTIONS = 20;

/** People listed per page of the agenda; the chart, leniency and flags use everyone the filters keep. */
export const AGENDA_PAGE_SIZE = 25;

type KeptFigures = {
  selfAssessmentId: string | null;
  managerReviewId: string | null;
  selfAverage: number | null;
  managerAverage: number | null;
  ratedCount: number;
  evidenceCount: number;
};

/** The review figures kept on an entry (refreshReviewFigures), in the shape flags and pages use. */
const factsOf = (row: KeptFigures) => ({
  selfId: row.selfAssessmentId,
  managerReviewId: row.managerReviewId,
  selfAverage: row.selfAverage,
  managerAverage: row.managerAverage,
  ratedCount: row.ratedCount,
  evidenceCount: row.evidenceCount,
});
const keptFigures = {
  selfAssessmentId: true,
  managerReviewId: true,
  selfAverage: true,
  managerAverage: true,
  ratedCount: true,
  evidenceCount: true,
} as const;

type Access = Awaited<ReturnType<typeof requireSessionAccess>>;

/**
 * What every viewer of one class sees of the session, before filters and pages: entries in
 * agenda order with flags, the filters' options, rater severity. A class is everyone who sees
 * every proposal (admins, the facilitator, everyone once proposals are revealed) or one
 * manager before then (their own reports' proposals only).
 */
async function sessionBase(
  viewer: Viewer,
  session: Access,
  onlyOpenable: boolean,
  language: PageLanguage,
) {
  const { ladder } = await requireLadderOfVersionIn(session.ladderVersionId, language);
  const sessionId = session.id;
  const [details, allRows] = await Promise.all([
    db.calibrationSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { cycle: { select: { name: true } }, facilitator: { select: { name: true } } },
    }),
    sessionEntries(sessionId),
  ]);
  const rows = onlyOpenable
    ? allRows.filter((row) => canOpenEntry(viewer, session.access, row))
    : allRows;
  const seesPreReads = canSeePreReads(viewer, session.access);
  const preReads = seesPreReads
    ? await db.calibrationPreRead.findMany({
        where: { entry: { sessionId } },
        select: { entryId: true, calibratorId: true, rating: true, mark: true },
      })
    : [];
  const preReadsOf = new Map<string, typeof preReads>();
  for (const preRead of preReads) {
    const list = preReadsOf.get(preRead.entryId);
    if (list) list.push(preRead);
    else preReadsOf.set(preRead.entryId, [preRead]);
  }
  const levelTitles = new Map(
    ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level.title] as const)),
  );
  const levelTitle = (id: string | null) => (id ? (levelTitles.get(id) ?? id) : null);
  const visible = rows.map((row) => ({
    row,
    proposalVisible: canSeeProposal(viewer, session.access, {
      personId: row.personId,
      managerId: row.managerId,
      released: row.released,
    }),
  }));
  const sessionRatings = visible.flatMap(({ row, proposalVisible }) =>
    proposalVisible && row.proposedRating !== null ? [row.proposedRating] : [],
  );
  const ratingScale = sessionScale(ladder, session.scaleId);
  const topOfScale = largest(ratingScale.points.map((point) => point.value));
  const sessionSummary = summarise(sessionRatings);
  const floor = session.groupFloor;

  const entries = agendaOrder(
    visible.map(({ row, proposalVisible }) => {
      const fact = factsOf(row);
      const proposal = proposalVisible
        ? {
            rating: row.proposedRating,
            outcome: row.proposedOutcome as LevelOutcome | null,
            levelId: row.proposedLevelId,
            levelTitle: levelTitle(row.proposedLevelId),
            second: row.proposedSecond,
          }
        : null;
      const flags: EntryFlag[] = entryFlags(
        {
          id: row.id,
          name: row.person.name,
          proposedRating: proposal?.rating ?? null,
          proposedOutcome: proposal?.outcome ?? null,
          ...fact,
        },
        sessionSummary,
        floor,
      );
      return {
        id: row.id,
        personId: row.personId,
        name: row.person.name,
        teamId: row.person.team?.id ?? null,
        team: row.person.team?.name ?? null,
        managerId: row.managerId,
        manager: row.manager?.name ?? null,
        trackId: row.trackId,
        levelId: row.levelId,
        released: row.released,
        /** Bumped by every change: a move from the grid names the revision it saw. */
        revision: row.revision,
        place: placeLabel([ladder], row.trackId, row.levelId, ladder.meta.id, row.sublevel),
        proposal,
        final:
          row.finalRating === null
            ? null
            : {
                rating: row.finalRating,
                outcome: row.finalOutcome as LevelOutcome | null,
                levelId: row.finalLevelId,
                levelTitle: levelTitle(row.finalLevelId),
                second: row.finalSecond,
              },
        flags,
        nearBoundary: proposal
          ? nearPromotionBoundary(
              { proposedOutcome: proposal.outcome, proposedRating: proposal.rating },
              topOfScale,
            )
          : false,
        managerReviewId: fact.managerReviewId,
        preRead: summarisePreReads(preReadsOf.get(row.id) ?? []),
      };
    }),
  );
  const managerNames = new Map(
    entries.flatMap((entry) =>
      entry.managerId ? [[entry.managerId, entry.manager ?? "Someone"] as const] : [],
    ),
  );
  // Severity from every rating of the same people: managers' proposals and calibrators' independent pre-read ratings.
  const ratedPreReads = preReads.filter((preRead) => preRead.rating !== null);
  const severity = ratedPreReads.length
    ? await raterSeverityView(entries, preReadsOf, managerNames)
    : null;
  const options = <T extends string>(pairs: [T | null, string | null][]) =>
    [...new Map(pairs.flatMap(([id, label]) => (id ? [[id, label ?? id] as const] : []))).entries()]
      .map(([id, label]) => ({ id, label }))
      .sort((a, b) => byName.compare(a.label, b.label));
  return {
    ladder,
    ratingScale,
    floor,
    details,
    entries,
    /** Everyone in the session, whether or not this class of viewer sees their entry. */
    everyone: allRows.length,
    managerNames,
    severity,
    /** Team and manager names of the session, for the typed filters' suggestions (not sent with the page). */
    names: {
      team: [...new Set(entries.flatMap((entry) => (entry.team ? [entry.team] : [])))].sort(
        byName.compare,
      ),
      manager: [
        ...new Set(entries.flatMap((entry) => (entry.manager ? [entry.manager] : []))),
      ].sort(byName.compare),
    },
    filterOptions: {
      tracks: options(
        entries.map((entry) => [
          entry.trackId,
          ladder.tracks.find((track) => track.id === entry.trackId)?.name ?? null,
        ]),
      ),
      levels: options(entries.map((entry) => [entry.levelId, levelTitle(entry.levelId)])),
    },
    /** Figures per filter, computed once each. */
    figures: new Map<string, ReturnType<typeof sessionFigures>>(),
  };
}

type Base = Awaited<ReturnType<typeof sessionBase>>;
/** What the figures read of an entry. */
type RatedEntry = {
  id: string;
  personId: string;
  managerId: string | null;
  proposal: { rating: number | null; second: number | null } | null;
  final: { rating: number | null; second: number | null } | null;
};

async function raterSeverityView(
  entries: readonly RatedEntry[],
  preReadsOf: Map<string, { calibratorId: string; rating: number | null }[]>,
  managerNames: Map<string, string>,
) {
  const calibratorIds = [
    ...new Set([...preReadsOf.values()].flat().map((preRead) => preRead.calibratorId)),
  ];
  const raterNames = new Map(
    (
      await db.user.findMany({
        where: { id: { in: calibratorIds } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  const severity = raterSeverity([
    ...entries.flatMap((entry) =>
      entry.managerId && entry.proposal?.rating != null
        ? [{ raterId: entry.managerId, personId: entry.personId, value: entry.proposal.rating }]
        : [],
    ),
    ...entries.flatMap((entry) =>
      (preReadsOf.get(entry.id) ?? []).flatMap((preRead) =>
        preRead.rating === null
          ? []
          : [{ raterId: preRead.calibratorId, personId: entry.personId, value: preRead.rating }],
      ),
    ),
  ]);
  const named = <T extends { raterId: string }>(rater: T) => ({
    ...rater,
    name: raterNames.get(rater.raterId) ?? managerNames.get(rater.raterId) ?? "Someone",
  });
  return severity.estimable
    ? {
        estimable: true as const,
        raters: severity.raters.map(named),
        notEstimable: severity.notEstimable.map(named),
      }
    : { estimable: false as const, reason: severity.reason };
}

/** The chart, 9-box and leniency over the entries the filters keep. */
function sessionFigures(
  base: { ratingScale: SessionScale; floor: number; managerNames: ReadonlyMap<string, string> },
  shown: readonly RatedEntry[],
  secondDimension: string | null,
) {
  const scale = base.ratingScale.points.map((point) => point.value);
  const proposalsShown = shown.filter((entry) => entry.proposal !== null);
  const leniency = managerLeniency(
    proposalsShown.flatMap((entry) =>
      entry.managerId && entry.proposal?.rating != null
        ? [{ managerId: entry.managerId, rating: entry.proposal.rating }]
        : [],
    ),
    base.floor,
  );
  return {
    distribution: {
      proposed: ratingDistribution(
        shown.map((entry) => entry.proposal?.rating ?? null),
        scale,
      ),
      final: ratingDistribution(
        shown.map((entry) => entry.final?.rating ?? null),
        scale,
      ),
      proposalsVisible: proposalsShown.length,
    },
    nineBox: secondDimension
      ? {
          dimension: secondDimension,
          points: SECOND_DIMENSION_POINTS.map((point) => ({ ...point })),
          proposed: nineBox(
            proposalsShown.map((entry) => ({
              rating: entry.proposal?.rating ?? null,
              second: entry.proposal?.second ?? null,
            })),
            base.ratingScale.points,
          ),
          final: nineBox(
            shown.map((entry) => ({
              rating: entry.final?.rating ?? null,
              second: entry.final?.second ?? null,
            })),
            base.ratingScale.points,
          ),
        }
      : null,
    leniency: {
      floor: base.floor,
      sessionMean: leniency.mean,
      managers: leniency.managers
        .map((manager) => ({
          ...manager,
          name: base.managerNames.get(manager.managerId) ?? "Someone",
        }))
        .sort((a, b) => byName.compare(a.name, b.name)),
    },
  };
}

/**
 * Computed views are kept per session, version and viewer class (decision 023): the version is
 * the number of the session's events, and every change to a session writes one in the same
 * transaction, so a kept view is never older than the last change (names and teams, which
 * change outside sessions, at most a minute).
 */
const views = new ViewCache<Base>({ entries: 32, maxAgeMs: 60_000 });

/** The viewer's class's view of the session at its current version (its event count), computed once per version. */
export async function baseFor(
  viewer: Viewer,
  session: Access,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const [version, own] = await Promise.all([
    db.calibrationEvent.count({ where: { sessionId: session.id } }),
    viewer.isAdmin
      ? 0
      : db.calibrationEntry.count({
          where: { sessionId: session.id, personId: { in: [...session.access.withheldPersonIds] } },
        }),
  ]);
  // Someone calibrated in the session sees it without their own entry and their managers', and a
  // calibrator sees no entry of a draft (policy's canOpenEntry).
  const seesAll = own === 0 && canSeePreReads(viewer, session.access);
  return views.get(
    `${session.id}:${version}:${session.state}:${seesAll ? "all" : `${viewer.id}:${own}`}:${language}`,
    () => sessionBase(viewer, session, own > 0 || session.state === "draft", language),
  );
}

/**
 * The entries the filters keep, in agenda order, with what is wrong with a typed name (said beside
 * its field: a name nobody in the session has filters nothing), and the key their figures are kept by.
 */
export function applyFilters(base: Pick<Base, "entries" | "names">, filters: SessionFilters) {
  // A typed name that nobody in the session has is said beside its field, and filters nothing.
  const filterProblems = {
    team:
      filters.team && !base.names.team.some((name) => sameName(filters.team, name))
        ? messageText({ key: "calibration:errors.filterNoTeam", values: { name: filters.team } })
        : null,
    manager:
      filters.manager && !base.names.manager.some((name) => sameName(filters.manager, name))
        ? messageText({
            key: "calibration:errors.filterNoManager",
            values: { name: filters.manager },
          })
        : null,
  };
  const team = filterProblems.team ? null : filters.team;
  const manager = filterProblems.manager ? null : filters.manager;
  const filterKey = [team, manager, filters.track, filters.level]
    .map((value) => value?.trim().toLocaleLowerCase("en"))
    .join("\u0000");
  const shown = base.entries.filter(
    (entry) =>
      (!team || (entry.team !== null && sameName(team, entry.team))) &&
      (!manager || (entry.manager !== null && sameName(manager, entry.manager))) &&
      (!filters.track || entry.trackId === filters.track) &&
      (!filters.level || entry.levelId === filters.level),
  );
  return { shown, filterProblems, filterKey };
}

/** An outcome as an agenda cell words it: the rating, and a promotion's level by its title. */
const shownOutcome = (
  outcome: {
    rating: number | null;
    outcome: LevelOutcome | null;
    levelTitle: string | null;
  } | null,
) =>
  outcome && { rating: outcome.rating, outcome: outcome.outcome, levelTitle: outcome.levelTitle };

export type SessionTab = "agenda" | "managers";

/**
 * Everything the session page shows the viewer. The agenda tab: the chart, the 9-box, the
 * entries in agenda order with flags, and the managers whose proposals differ beyond noise; the
 * managers tab: every manager's leniency and each rater's severity.
 */
export async function sessionView(
  viewer: Viewer,
  sessionId: string,
  filters: SessionFilters,
  page = 1,
  tab: SessionTab = "agenda",
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const session = await requireSessionAccess(viewer, sessionId);
  const base = await baseFor(viewer, session, language);
  const { ladder, ratingScale } = base;
  const { shown, filterProblems, filterKey } = applyFilters(base, filters);
  let figures = base.figures.get(filterKey);
  if (!figures) {
    figures = sessionFigures(base, shown, session.secondDimension);
    if (base.figures.size < 50) base.figures.set(filterKey, figures);
  }
  // Read on every view, not kept with the session's version: an erasure writes no session event.
  // Erased people stay in every figure above; only their own row is left out of the list.
  const erased = await erasedAmong(base.entries.map((entry) => entry.personId));
  const listed = shown.filter((entry) => readableAsPerson(erased.has(entry.personId)));
  const pages = Math.max(1, Math.ceil(listed.length / AGENDA_PAGE_SIZE));
  const current = Math.min(page, pages);
  const next = nextState(session.state, { blindPreRead: session.blindPreRead });

  return {
    session: {
      id: session.id,
      name: session.name,
      state: session.state,
      blindPreRead: session.blindPreRead,
      scaleName: ratingScale.id ? ratingScale.name : null,
      scaleMissing: ratingScale.missing,
      secondDimension: session.secondDimension,
      cycleName: base.details.cycle.name,
      facilitatorName: base.details.facilitator.name,
      ladderName: ladder.meta.name,
    },
    /** The meeting, shown to everyone in the session; the facilitator and admins change it until the session is locked. */
    meeting: {
      startsAt: session.meetingStartsAt,
      minutes:
        session.meetingStartsAt && session.meetingEndsAt
          ? Math.round(
              (session.meetingEndsAt.getTime() - session.meetingStartsAt.getTime()) / 60000,
            )
          : null,
      canChange: canScheduleMeeting(viewer, session.access),
    },
    viewerIsFacilitator: isFacilitator(viewer, session.access),
    canExport: canOverseeSession(viewer, session.access),
    canSeeFairness: canSeeFairness(viewer, session.access),
    next: next && canChangeState(viewer, session.access) ? { state: next } : null,
    canRecordOutcomes: canRecordOutcome(viewer, session.access),
    scale: ratingScale.points.map((point) => ({ value: point.value, label: point.label })),
    total: base.entries.length,
    /**
     * Everyone in the session (the count the sessions list gives), and why the viewer sees fewer (a reason the page words):
     * calibrators see their own reports only while the session is set up, and nobody sees their own
     * entry or their managers' (policy's canOpenEntry).
     */
    people: {
      everyone: base.everyone,
      notShown: base.everyone - base.entries.length,
      why:
        base.everyone === base.entries.length
          ? null
          : session.state === "draft" && !canOverseeSession(viewer, session.access)
            ? ("own-reports" as const)
            : ("own-entry" as const),
      /** Erased former colleagues among the entries the viewer would see: counted in every figure, not listed. */
      erased: base.entries.filter((entry) => !readableAsPerson(erased.has(entry.personId))).length,
    },
    tab,
    entries:
      tab === "agenda"
        ? listed
            .slice((current - 1) * AGENDA_PAGE_SIZE, current * AGENDA_PAGE_SIZE)
            .map(({ released, ...entry }) => ({
              // What a row shows, and no more: not the person's, manager's or review's ids, nor what only orders the list.
              id: entry.id,
              name: entry.name,
              manager: entry.manager,
              place: entry.place,
              flags: entry.flags,
              proposal: shownOutcome(entry.proposal),
              final: shownOutcome(entry.final),
              preRead: entry.preRead,
              canPropose: canPropose(viewer, session.access, {
                personId: entry.personId,
                managerId: entry.managerId,
                released,
              }),
              /** Once published: whether the person has been told their outcome, and whether the viewer may tell them. */
              released: session.state === "published" ? released : null,
              canRelease:
                !released &&
                canReleaseOutcome(viewer, session.access, {
                  personId: entry.personId,
                  managerId: entry.managerId,
                  released,
                }),
            }))
        : [],
    /** Once published: how many outcomes the viewer may still release, in the whole session (not only this page). */
    toRelease: base.entries.filter(
      (entry) => !entry.released && canReleaseOutcome(viewer, session.access, entry),
    ).length,
    pagination: {
      page: current,
      pages,
      shown: listed.length,
      from: listed.length ? (current - 1) * AGENDA_PAGE_SIZE + 1 : 0,
      to: Math.min(listed.length, current * AGENDA_PAGE_SIZE),
    },
    distribution: figures.distribution,
    nineBox: figures.nineBox,
    leniency: {
      ...figures.leniency,
      managers: tab === "managers" ? figures.leniency.managers : [],
      /** On the agenda: only the managers whose proposals differ from the rest beyond noise. */
      flagged: figures.leniency.managers.filter((manager) => manager.flagged),
      counted: figures.leniency.managers.length,
    },
    severity: tab === "managers" ? base.severity : null,
    /** On the managers tab, for the facilitator and admins: who calibrates, and whether more can be invited. */
    calibrators:
      tab === "managers" && canOverseeSession(viewer, session.access)
        ? {
            names: (
              await db.user.findMany({
                where: { calibrationsInvited: { some: { sessionId: session.id } } },
                orderBy: { name: "asc" },
                select: { name: true },
              })
            ).map((person) => person.name),
            canInvite: session.state !== "locked" && session.state !== "published",
          }
        : null,
    severityFlagged: base.severity?.estimable
      ? base.severity.raters.filter((rater) => rater.flagged).map((rater) => rater.name)
      : [],
    filters,
    filterProblems,
    filterOptions: base.filterOptions,
  };
}

/** Team or manager names of the session containing `typed`, for the filter the viewer types into (the session's viewers only). */
export async function filterSuggestions(
  viewer: Viewer,
  sessionId: string,
  kind: "team" | "manager",
  typed: string,
): Promise<string[]> {
  const session = await requireSessionAccess(viewer, sessionId);
  const text = typed.trim().toLocaleLowerCase("en");
  if (!text) return [];
  const base = await baseFor(viewer, session);
  const names = base.names[kind];
  const starts = names.filter((name) => name.toLocaleLowerCase("en").startsWith(text));
  const contains = names.filter(
    (name) =>
      !name.toLocaleLowerCase("en").startsWith(text) && name.toLocaleLowerCase("en").includes(text),
  );
  return [...starts, ...contains].slice(0, SUGGESTIONS);
}

/** One entry: the person, their reviews in the cycle, the proposal and final outcome the viewer may see, the forms they may use, and the history. */
export async function entryView(
  viewer: Viewer,
  sessionId: string,
  entryId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const session = await requireSessionAccess(viewer, sessionId);
  const row = await db.calibrationEntry.findFirst({
    where: { id: entryId, sessionId },
    select: {
      id: true,
      personId: true,
      managerId: true,
      trackId: true,
      levelId: true,
      revision: true,
      released: true,
      proposedRating: true,
      proposedOutcome: true,
      proposedLevelId: true,
      proposedSecond: true,
      proposedEvidence: true,
      proposalDraft: true,
      rationale: true,
      finalRating: true,
      finalOutcome: true,
      finalLevelId: true,
      finalReason: true,
      finalSecond: true,
      ...keptFigures,
      person: { select: { name: true, level: true, sublevel: true } },
      manager: { select: { name: true } },
    },
  });
  if (!row) throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  const access = { personId: row.personId, managerId: row.managerId, released: row.released };
  const erased = await isErased(row.personId);
  if (!readableAsPerson(erased) || !canOpenEntry(viewer, session.access, access))
    throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  const { ladder } = await requireLadderOfVersionIn(session.ladderVersionId, language);
  const proposalVisible = canSeeProposal(viewer, session.access, access);
  const facts = factsOf(row);
  // The manager review against the level's targets (the ladder's per-competency bar).
  const reviewIds = [facts.managerReviewId, facts.selfId].filter((id): id is string => id !== null);
  const allRatings = reviewIds.length
    ? await db.assessmentRating.findMany({
        where: { assessmentId: { in: reviewIds }, rating: { not: null } },
        select: { assessmentId: true, competencyId: true, rating: true },
      })
    : [];
  const reviewRatings = allRatings.filter(
    (rating) => rating.assessmentId === facts.managerReviewId,
  );
  const ratingsOf = (assessmentId: string | null) =>
    new Map(
      allRatings.flatMap((rating) =>
        rating.assessmentId === assessmentId && rating.rating !== null
          ? [[rating.competencyId, rating.rating] as const]
          : [],
      ),
    );
  const gap = proposalVisible
    ? proposalGap(
        ladder,
        row.levelId,
        row.proposedOutcome === "promote" ? row.proposedLevelId : null,
        { self: ratingsOf(facts.selfId), manager: ratingsOf(facts.managerReviewId) },
      )
    : null;
  const ratingScale = sessionScale(ladder, session.scaleId);
  // The evidence of the cycle's reviews, which calibrators read and a proposal points to.
  const evidenceRows = reviewIds.length
    ? await db.ratingEvidence.findMany({
        where: { rating: { assessmentId: { in: reviewIds } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          text: true,
          url: true,
          rating: { select: { competencyId: true, assessmentId: true } },
        },
      })
    : [];
  const evidence = evidenceRows.map((item) => ({
    id: item.id,
    text: item.text,
    url: item.url,
    competency: getCompetency(ladder, item.rating.competencyId)?.name ?? item.rating.competencyId,
    source:
      item.rating.assessmentId === facts.managerReviewId
        ? ("manager review" as const)
        : ("self-assessment" as const),
  }));
  const pointedTo = new Set(storedIdList(row.proposedEvidence));
  const targeted = row.levelId
    ? reviewRatings.flatMap((rating) => {
        const target = targetFor(ladder, row.levelId!, rating.competencyId);
        return target === null || rating.rating === null ? [] : [rating.rating >= target];
      })
    : [];
  const levels = ladder.tracks.flatMap((track) =>
    track.levels.map((level) => ({ id: level.id, title: level.title, trackName: track.name })),
  );
  const targets = levels.filter(
    (level) => promotionTargetProblem(ladder, row.levelId, level.id) === null,
  );
  // Independent ratings stay blind until proposals are revealed (the facilitator and admins see them throughout).
  const seesPreReads = canSeePreReads(viewer, session.access);
  const [ownPreRead, chain] = await Promise.all([
    db.calibrationPreRead.findUnique({
      where: { entryId_calibratorId: { entryId: row.id, calibratorId: viewer.id } },
      select: { rating: true, mark: true },
    }),
    viewer.isAdmin ? [] : managerChain(row.personId),
  ]);
  const historyContext: HistoryContext = {
    scale: ratingScale.points,
    secondDimension: session.secondDimension,
    levelTitles: Object.fromEntries(levels.map((level) => [level.id, level.title])),
    evidence: Object.fromEntries(evidence.map((item) => [item.id, item.text])),
  };
  const history = proposalVisible
    ? await db.calibrationEvent.findMany({
        // The meeting's steps are the session's (its time per entry), not a change to the person's entry.
        where: {
          entryId: row.id,
          kind: { notIn: seesPreReads ? [DISCUSS_EVENT] : [DISCUSS_EVENT, "preread"] },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          change: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      })
    : [];
  return {
    session: { id: session.id, name: session.name, state: session.state },
    entry: {
      id: row.id,
      revision: row.revision,
      released: row.released,
      name: row.person.name,
      personId: row.personId,
      manager: row.manager?.name ?? null,
      // The person's sub-level, while they are still at the level the entry was made at.
      place: placeLabel(
        [ladder],
        row.trackId,
        row.levelId,
        ladder.meta.id,
        row.person.level === row.levelId ? row.person.sublevel : null,
      ),
      proposal: proposalVisible
        ? {
            rating: row.proposedRating,
            outcome: row.proposedOutcome as LevelOutcome | null,
            levelId: row.proposedLevelId,
            rationale: row.rationale,
            second: row.proposedSecond,
            evidence: evidence.filter((item) => pointedTo.has(item.id)),
          }
        : null,
      final: {
        rating: row.finalRating,
        outcome: row.finalOutcome as LevelOutcome | null,
        levelId: row.finalLevelId,
        reason: row.finalReason,
        second: row.finalSecond,
      },
      gap,
      targets: targeted.length
        ? { met: targeted.filter(Boolean).length, of: targeted.length }
        : null,
      reviews: {
        selfId: facts.selfId,
        managerReviewId: facts.managerReviewId,
        selfAverage: facts.selfAverage,
        managerAverage: facts.managerAverage,
        evidenceCount: facts.evidenceCount,
        ratedCount: facts.ratedCount,
      },
    },
    canPropose: canPropose(viewer, session.access, access),
    /** The person's own pages (the full gap analysis) are their manager chain's and admins'; the reviews are every calibrator's. */
    canOpenProfile: canViewPerson(viewer, row.personId, chain, erased),
    /** What the proposal form offers to choose from: sent only to whoever proposes (everyone else reads the proposal's own evidence). */
    evidence: canPropose(viewer, session.access, access) ? evidence : [],
    /** The manager's autosaved form, for them alone. */
    draft:
      canPropose(viewer, session.access, access) && row.proposalDraft
        ? parseDraft(row.proposalDraft)
        : null,
    canRecordOutcome: canRecordOutcome(viewer, session.access),
    canRateIndependently: canRateIndependently(viewer, session.access, access),
    canMarkProposal: canMarkProposal(viewer, session.access, access),
    ownPreRead: ownPreRead ?? { rating: null, mark: null },
    canRelease: canReleaseOutcome(viewer, session.access, access),
    scale: ratingScale.points.map((point) => ({
      value: point.value,
      label: point.label,
      meaning: point.meaning,
    })),
    secondDimension: session.secondDimension
      ? {
          name: session.secondDimension,
          points: SECOND_DIMENSION_POINTS.map((point) => ({ ...point })),
        }
      : null,
    promotionTargets: targets,
    levelTitles: Object.fromEntries(levels.map((level) => [level.id, level.title])),
    history: history.map((event) => ({
      id: event.id,
      kind: event.kind,
      actor: event.actor.name,
      at: event.createdAt.toISOString(),
      reason: event.reason,
      // Worded (lines quote at most 160 characters of a text): the change as recorded, every earlier text in full, stays on the server.
      lines: describeEvent(
        event.kind,
        JSON.parse(event.change) as Record<string, unknown>,
        historyContext,
        event.reason,
      ),
    })),
  };
}

/**
 * The person's released outcomes, for their growth page and their export: the outcome a message
 * (growth:overview.outcome.*), worded in the reader's language where it is shown.
 */
export async function ownOutcomeViews(personId: string, language: PageLanguage = SOURCE_LANGUAGE) {
  const outcomes = await ownOutcomes(personId);
  return Promise.all(
    outcomes.map(async (outcome) => {
      const { ladder } = await requireLadderOfVersionIn(outcome.session.ladderVersionId, language);
      const scalePoint = sessionScale(ladder, outcome.session.scaleId).points.find(
        (point) => point.value === outcome.finalRating,
      );
      const level = ladder.tracks
        .flatMap((track) => track.levels)
        .find((candidate) => candidate.id === outcome.finalLevelId);
      const day = outcome.session.promotionsEffectiveOn?.toISOString().slice(0, 10);
      const said: Message =
        outcome.finalOutcome === "promote" && level && outcome.nominated
          ? { key: "growth:overview.outcome.nominated", values: { level: level.title } }
          : outcome.finalOutcome === "promote" && level
            ? {
                key: "growth:overview.outcome.promoted",
                values: {
                  level: level.title,
                  day: day ?? "none",
                  applied: outcome.appliedAt ? "yes" : "no",
                },
              }
            : outcome.finalOutcome === "not-ready"
              ? { key: "growth:overview.outcome.notReady" }
              : { key: "growth:overview.outcome.stay" };
      return {
        sessionName: outcome.session.name,
        rating: `${outcome.finalRating ?? "–"}${scalePoint ? ` ${scalePoint.label}` : ""}`,
        outcome: said,
      };
    }),
  );
}

/** A kept draft: the form's fields as typed (strings, or lists for repeated fields). */
function parseDraft(json: string): Record<string, string | string[]> | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const draft: Record<string, string | string[]> = {};
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === "string") draft[key] = field;
      else if (Array.isArray(field))
        draft[key] = field.filter((item): item is string => typeof item === "string");
    }
    return draft;
  } catch {
    return null;
  }
}

function summarisePreReads(preReads: readonly { rating: number | null; mark: string | null }[]) {
  const ratings = preReads.flatMap((preRead) => (preRead.rating === null ? [] : [preRead.rating]));
  const count = (mark: string) => preReads.filter((preRead) => preRead.mark === mark).length;
  if (!ratings.length && !preReads.some((preRead) => preRead.mark)) return null;
  return {
    ratings: ratings.length,
    mean: ratings.length ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : null,
    agree: count("agree"),
    question: count("question"),
    noView: count("no-view"),
  };
}
