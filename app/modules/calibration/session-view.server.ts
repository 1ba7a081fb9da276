import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/auth/policy";
import { placeLabel, targetFor } from "~/modules/ladders";
import { requireLadder } from "~/modules/ladders/registry.server";
import { agendaOrder, byName, entryFlags, nearPromotionBoundary, ratingDistribution, type EntryFlag, type LevelOutcome } from "./entries";
import { managerLeniency } from "./leniency";
import { NotFoundError } from "~/modules/errors";
import { promotionTargetProblem } from "./outcomes";
import { proposalGap } from "./proposal-gap";
import { canChangeState, canMarkProposal, canPropose, canRateIndependently, canRecordOutcome, canSeeFairness, canSeeProposal, isFacilitator } from "./policy";
import { raterSeverity } from "./rater-model";
import { proposalsRevealed } from "./session-state";
import { nextState, SESSION_STATE_LABELS } from "./session-state";
import { sessionEntries } from "./queries.server";
import { ownOutcomes, requireSessionAccess } from "./sessions.server";
import { summarise } from "./summary";
import { nineBox, SECOND_DIMENSION_POINTS, sessionScale } from "./scale";

export type SessionFilters = { team: string | null; manager: string | null; track: string | null; level: string | null };

/** People listed per page of the agenda; the chart, leniency and flags use everyone the filters keep. */
export const AGENDA_PAGE_SIZE = 50;

type KeptFigures = { selfAssessmentId: string | null; managerReviewId: string | null; selfAverage: number | null; managerAverage: number | null; ratedCount: number; evidenceCount: number };

/** The review figures kept on an entry (refreshReviewFigures), in the shape flags and pages use. */
const factsOf = (row: KeptFigures) => ({
  selfId: row.selfAssessmentId,
  managerReviewId: row.managerReviewId,
  selfAverage: row.selfAverage,
  managerAverage: row.managerAverage,
  ratedCount: row.ratedCount,
  evidenceCount: row.evidenceCount,
});
const keptFigures = { selfAssessmentId: true, managerReviewId: true, selfAverage: true, managerAverage: true, ratedCount: true, evidenceCount: true } as const;

/** Everything the session page shows the viewer: entries in agenda order with flags, the distribution, leniency, and what the viewer may do. */
export async function sessionView(viewer: Viewer, sessionId: string, filters: SessionFilters, page = 1) {
  const session = await requireSessionAccess(viewer, sessionId);
  const { ladder } = await requireLadder(session.ladderId);
  const [details, rows] = await Promise.all([
    db.calibrationSession.findUniqueOrThrow({ where: { id: sessionId }, select: { cycle: { select: { name: true } }, facilitator: { select: { name: true } } } }),
    sessionEntries(sessionId),
  ]);
  const seesPreReads = viewer.isAdmin || isFacilitator(viewer, session.access) || proposalsRevealed(session.state);
  const preReads = seesPreReads ? await db.calibrationPreRead.findMany({ where: { entry: { sessionId } }, select: { entryId: true, calibratorId: true, rating: true, mark: true } }) : [];
  const preReadsOf = new Map<string, typeof preReads>();
  for (const preRead of preReads) {
    const list = preReadsOf.get(preRead.entryId);
    if (list) list.push(preRead);
    else preReadsOf.set(preRead.entryId, [preRead]);
  }
  const levelTitle = (id: string | null) => (id ? (ladder.tracks.flatMap((track) => track.levels).find((level) => level.id === id)?.title ?? id) : null);
  const visible = rows.map((row) => ({ row, proposalVisible: canSeeProposal(viewer, session.access, { personId: row.personId, managerId: row.managerId, released: row.released }) }));
  const sessionRatings = visible.flatMap(({ row, proposalVisible }) => (proposalVisible && row.proposedRating !== null ? [row.proposedRating] : []));
  const ratingScale = sessionScale(ladder, session.scaleId);
  const topOfScale = Math.max(...ratingScale.points.map((point) => point.value));
  const sessionSummary = summarise(sessionRatings);
  const floor = session.groupFloor;

  const entries = visible.map(({ row, proposalVisible }) => {
    const fact = factsOf(row);
    const proposal = proposalVisible
      ? { rating: row.proposedRating, outcome: row.proposedOutcome as LevelOutcome | null, levelTitle: levelTitle(row.proposedLevelId), second: row.proposedSecond }
      : null;
    const flags: EntryFlag[] = entryFlags(
      { id: row.id, name: row.person.name, proposedRating: proposal?.rating ?? null, proposedOutcome: proposal?.outcome ?? null, ...fact },
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
      place: placeLabel([ladder], row.trackId, row.levelId, ladder.meta.id),
      proposal,
      final:
        row.finalRating === null ? null : { rating: row.finalRating, outcome: row.finalOutcome as LevelOutcome | null, levelTitle: levelTitle(row.finalLevelId), second: row.finalSecond },
      flags,
      nearBoundary: proposal ? nearPromotionBoundary({ proposedOutcome: proposal.outcome, proposedRating: proposal.rating }, topOfScale) : false,
      managerReviewId: fact.managerReviewId,
      preRead: summarisePreReads(preReadsOf.get(row.id) ?? []),
      canPropose: canPropose(viewer, session.access, { personId: row.personId, managerId: row.managerId, released: row.released }),
    };
  });
  const shown = agendaOrder(
    entries.filter(
      (entry) =>
        (!filters.team || entry.teamId === filters.team) &&
        (!filters.manager || entry.managerId === filters.manager) &&
        (!filters.track || entry.trackId === filters.track) &&
        (!filters.level || entry.levelId === filters.level),
    ),
  );
  const scale = ratingScale.points.map((point) => point.value);
  const pages = Math.max(1, Math.ceil(shown.length / AGENDA_PAGE_SIZE));
  const proposalsShown = shown.filter((entry) => entry.proposal !== null);
  const leniency = managerLeniency(
    proposalsShown.flatMap((entry) => (entry.managerId && entry.proposal?.rating != null ? [{ managerId: entry.managerId, rating: entry.proposal.rating }] : [])),
    floor,
  );
  // Severity from every rating of the same people: managers' proposals and calibrators' independent pre-read ratings.
  const raterNames = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(preReads.map((preRead) => preRead.calibratorId))] } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const severity = seesPreReads && preReads.some((preRead) => preRead.rating !== null)
    ? raterSeverity([
        ...entries.flatMap((entry) => (entry.managerId && entry.proposal?.rating != null ? [{ raterId: entry.managerId, personId: entry.personId, value: entry.proposal.rating }] : [])),
        ...entries.flatMap((entry) =>
          (preReadsOf.get(entry.id) ?? []).flatMap((preRead) => (preRead.rating === null ? [] : [{ raterId: preRead.calibratorId, personId: entry.personId, value: preRead.rating }])),
        ),
      ])
    : null;
  const managerNames = new Map(entries.flatMap((entry) => (entry.managerId ? [[entry.managerId, entry.manager ?? "Someone"] as const] : [])));
  const next = nextState(session.state, { blindPreRead: session.blindPreRead });
  const options = <T extends string>(pairs: [T | null, string | null][]) =>
    [...new Map(pairs.flatMap(([id, label]) => (id ? [[id, label ?? id] as const] : []))).entries()].map(([id, label]) => ({ id, label })).sort((a, b) => byName.compare(a.label, b.label));

  return {
    session: {
      id: session.id,
      name: session.name,
      state: session.state,
      stateLabel: SESSION_STATE_LABELS[session.state],
      blindPreRead: session.blindPreRead,
      scaleName: ratingScale.id ? ratingScale.name : null,
      scaleMissing: ratingScale.missing,
      secondDimension: session.secondDimension,
      cycleName: details.cycle.name,
      facilitatorName: details.facilitator.name,
      ladderName: ladder.meta.name,
    },
    viewerIsFacilitator: isFacilitator(viewer, session.access),
    canExport: viewer.isAdmin || isFacilitator(viewer, session.access),
    canSeeFairness: canSeeFairness(viewer, session.access),
    next: next && canChangeState(viewer, session.access) ? { state: next, label: SESSION_STATE_LABELS[next] } : null,
    canRecordOutcomes: canRecordOutcome(viewer, session.access),
    scale: ratingScale.points.map((point) => ({ value: point.value, label: point.label })),
    total: entries.length,
    entries: shown.slice((Math.min(page, pages) - 1) * AGENDA_PAGE_SIZE, Math.min(page, pages) * AGENDA_PAGE_SIZE),
    pagination: { page: Math.min(page, pages), pages, shown: shown.length, from: shown.length ? (Math.min(page, pages) - 1) * AGENDA_PAGE_SIZE + 1 : 0, to: Math.min(shown.length, Math.min(page, pages) * AGENDA_PAGE_SIZE) },
    distribution: {
      proposed: ratingDistribution(shown.map((entry) => entry.proposal?.rating ?? null), scale),
      final: ratingDistribution(shown.map((entry) => entry.final?.rating ?? null), scale),
      proposalsVisible: proposalsShown.length,
    },
    nineBox: session.secondDimension
      ? {
          dimension: session.secondDimension,
          points: SECOND_DIMENSION_POINTS.map((point) => ({ ...point })),
          proposed: nineBox(proposalsShown.map((entry) => ({ rating: entry.proposal?.rating ?? null, second: entry.proposal?.second ?? null })), ratingScale.points),
          final: nineBox(shown.map((entry) => ({ rating: entry.final?.rating ?? null, second: entry.final?.second ?? null })), ratingScale.points),
        }
      : null,
    leniency: {
      floor,
      sessionMean: leniency.mean,
      managers: leniency.managers.map((manager) => ({ ...manager, name: managerNames.get(manager.managerId) ?? "Someone" })).sort((a, b) => byName.compare(a.name, b.name)),
    },
    severity:
      severity === null || preReads.every((preRead) => preRead.rating === null)
        ? null
        : severity.estimable
          ? {
              estimable: true as const,
              raters: severity.raters.map((rater) => ({ ...rater, name: raterNames.get(rater.raterId) ?? managerNames.get(rater.raterId) ?? "Someone" })),
              notEstimable: severity.notEstimable.map((rater) => ({ ...rater, name: raterNames.get(rater.raterId) ?? managerNames.get(rater.raterId) ?? "Someone" })),
            }
          : { estimable: false as const, reason: severity.reason },
    filters,
    filterOptions: {
      teams: options(entries.map((entry) => [entry.teamId, entry.team])),
      managers: options(entries.map((entry) => [entry.managerId, entry.manager])),
      tracks: options(entries.map((entry) => [entry.trackId, ladder.tracks.find((track) => track.id === entry.trackId)?.name ?? null])),
      levels: options(entries.map((entry) => [entry.levelId, levelTitle(entry.levelId)])),
    },
  };
}

/** One entry: the person, their reviews in the cycle, the proposal and final outcome the viewer may see, the forms they may use, and the history. */
export async function entryView(viewer: Viewer, sessionId: string, entryId: string) {
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
      rationale: true,
      finalRating: true,
      finalOutcome: true,
      finalLevelId: true,
      finalReason: true,
      finalSecond: true,
      ...keptFigures,
      person: { select: { name: true } },
      manager: { select: { name: true } },
    },
  });
  if (!row) throw new NotFoundError("There is no such entry in this session.");
  const { ladder } = await requireLadder(session.ladderId);
  const access = { personId: row.personId, managerId: row.managerId, released: row.released };
  const proposalVisible = canSeeProposal(viewer, session.access, access);
  const facts = factsOf(row);
  // The manager review against the level's targets (the ladder's per-competency bar).
  const reviewIds = [facts.managerReviewId, facts.selfId].filter((id): id is string => id !== null);
  const allRatings = reviewIds.length
    ? await db.assessmentRating.findMany({ where: { assessmentId: { in: reviewIds }, rating: { not: null } }, select: { assessmentId: true, competencyId: true, rating: true } })
    : [];
  const reviewRatings = allRatings.filter((rating) => rating.assessmentId === facts.managerReviewId);
  const ratingsOf = (assessmentId: string | null) =>
    new Map(allRatings.flatMap((rating) => (rating.assessmentId === assessmentId && rating.rating !== null ? [[rating.competencyId, rating.rating] as const] : [])));
  const gap = proposalVisible
    ? proposalGap(ladder, row.levelId, row.proposedOutcome === "promote" ? row.proposedLevelId : null, { self: ratingsOf(facts.selfId), manager: ratingsOf(facts.managerReviewId) })
    : null;
  const ratingScale = sessionScale(ladder, session.scaleId);
  const targeted = row.levelId ? reviewRatings.flatMap((rating) => {
    const target = targetFor(ladder, row.levelId!, rating.competencyId);
    return target === null || rating.rating === null ? [] : [rating.rating >= target];
  }) : [];
  const levels = ladder.tracks.flatMap((track) => track.levels.map((level) => ({ id: level.id, title: level.title, trackName: track.name })));
  const targets = levels.filter((level) => promotionTargetProblem(ladder, row.levelId, level.id) === null);
  // Independent ratings stay blind until proposals are revealed (the facilitator and admins see them throughout).
  const seesPreReads = viewer.isAdmin || isFacilitator(viewer, session.access) || proposalsRevealed(session.state);
  const ownPreRead = await db.calibrationPreRead.findUnique({ where: { entryId_calibratorId: { entryId: row.id, calibratorId: viewer.id } }, select: { rating: true, mark: true } });
  const history = proposalVisible
    ? await db.calibrationEvent.findMany({
        where: { entryId: row.id, ...(seesPreReads ? {} : { kind: { not: "preread" } }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, change: true, reason: true, createdAt: true, actor: { select: { name: true } } },
      })
    : [];
  return {
    session: { id: session.id, name: session.name, state: session.state, stateLabel: SESSION_STATE_LABELS[session.state] },
    entry: {
      id: row.id,
      revision: row.revision,
      released: row.released,
      name: row.person.name,
      personId: row.personId,
      manager: row.manager?.name ?? null,
      place: placeLabel([ladder], row.trackId, row.levelId, ladder.meta.id),
      proposal: proposalVisible
        ? { rating: row.proposedRating, outcome: row.proposedOutcome as LevelOutcome | null, levelId: row.proposedLevelId, rationale: row.rationale, second: row.proposedSecond }
        : null,
      final: { rating: row.finalRating, outcome: row.finalOutcome as LevelOutcome | null, levelId: row.finalLevelId, reason: row.finalReason, second: row.finalSecond },
      gap,
      targets: targeted.length ? { met: targeted.filter(Boolean).length, of: targeted.length } : null,
      reviews: { selfId: facts.selfId, managerReviewId: facts.managerReviewId, selfAverage: facts.selfAverage, managerAverage: facts.managerAverage, evidenceCount: facts.evidenceCount, ratedCount: facts.ratedCount },
    },
    canPropose: canPropose(viewer, session.access, access),
    canRecordOutcome: canRecordOutcome(viewer, session.access),
    canRateIndependently: canRateIndependently(viewer, session.access, access),
    canMarkProposal: canMarkProposal(viewer, session.access, access),
    ownPreRead: ownPreRead ?? { rating: null, mark: null },
    canRelease: session.state === "published" && (row.managerId === viewer.id || session.facilitatorId === viewer.id),
    scale: ratingScale.points.map((point) => ({ value: point.value, label: point.label, meaning: point.meaning })),
    secondDimension: session.secondDimension ? { name: session.secondDimension, points: SECOND_DIMENSION_POINTS.map((point) => ({ ...point })) } : null,
    promotionTargets: targets,
    levelTitles: Object.fromEntries(levels.map((level) => [level.id, level.title])),
    history: history.map((event) => ({ id: event.id, kind: event.kind, actor: event.actor.name, at: event.createdAt.toISOString(), reason: event.reason, change: JSON.parse(event.change) as Record<string, [unknown, unknown]> })),
  };
}

/** The person's released outcomes in words, for their growth page. */
export async function ownOutcomeViews(personId: string) {
  const outcomes = await ownOutcomes(personId);
  return Promise.all(
    outcomes.map(async (outcome) => {
      const { ladder } = await requireLadder(outcome.session.ladderId);
      const scalePoint = sessionScale(ladder, outcome.session.scaleId).points.find((point) => point.value === outcome.finalRating);
      const level = ladder.tracks.flatMap((track) => track.levels).find((candidate) => candidate.id === outcome.finalLevelId);
      const day = outcome.session.promotionsEffectiveOn?.toISOString().slice(0, 10);
      const outcomeText =
        outcome.finalOutcome === "promote" && level
          ? `Promoted to ${level.title}${day ? `, from ${day}` : ""}${outcome.appliedAt ? "." : " (not in effect yet)."}`
          : outcome.finalOutcome === "not-ready"
            ? "Level: no decision this time."
            : "Level: staying at your current level.";
      return { sessionName: outcome.session.name, rating: `${outcome.finalRating ?? "–"}${scalePoint ? ` ${scalePoint.label}` : ""}`, outcomeText };
    }),
  );
}

function summarisePreReads(preReads: readonly { rating: number | null; mark: string | null }[]) {
  const ratings = preReads.flatMap((preRead) => (preRead.rating === null ? [] : [preRead.rating]));
  const count = (mark: string) => preReads.filter((preRead) => preRead.mark === mark).length;
  if (!ratings.length && !preReads.some((preRead) => preRead.mark)) return null;
  return { ratings: ratings.length, mean: ratings.length ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : null, agree: count("agree"), question: count("question"), noView: count("no-view") };
}
