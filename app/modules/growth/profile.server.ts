/**
 * What a person's growth pages show: their assessments that the viewer may read,
 * the latest self-assessment beside the latest manager review, the gap to a
 * target level, history across cycles and the printable review.
 *
 * Every page loads with a fixed number of queries however many people, cycles
 * or assessments there are: the person, their manager chain, all their
 * assessments in one list, then the ratings of the assessments the page needs in
 * one more. Each is one flat SQL statement (queries.server.ts). Ladder versions are
 * cached in memory.
 */
import {
  competenciesForLevel,
  defaultTarget,
  getLevel,
  levelTitleAt,
  nextLevel,
  type Ladder,
} from "~/modules/ladders";
import { appliedPromotions } from "~/modules/calibration/queries.server";
import { placeInOrganisation, type PlaceRow } from "~/modules/people/queries.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import { canViewPerson, type Viewer } from "~/modules/identity/policy";
import { ladderStanding } from "~/modules/ladders/points";
import { ladderForPerson, ladderInLanguage } from "~/modules/ladders/registry.server";
import {
  withSourceTexts,
  type SourceTexts,
  type TranslatedLadder,
} from "~/modules/ladders/translations";
import { ladderOfVersion } from "~/modules/ladders/versions.server";
import { NotFoundError } from "~/modules/errors";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { messageText } from "~/i18n/messages";
import {
  compareRatings,
  competencyNames,
  latestSubmitted,
  pickLatestPair,
  type Comparison,
} from "./comparison";
import { gapAnalysis, type GapAnalysis } from "./gap-analysis";
import { readGrowthPlan, type GrowthPlanView } from "./growth-plan.server";
import { buildHistory, profileAgainstBar, type History, type ProfileRow } from "./history";
import {
  canAuthorAssessment,
  subjectSelfSubmitted,
  type AssessmentKind,
} from "~/modules/assessments/policy";
import { sharingMoment } from "~/modules/cycles/review-sharing";
import { canChangeGrowthPlan } from "./policy";
import { readableAssessments } from "./profile-access";
import { sharingFactsOf } from "~/modules/assessments/sharing.server";
import {
  assessmentsAbout,
  ratingsOf,
  ratingsWithEvidence,
  ratingsWithEvidenceCount,
  type EvidenceView,
  type ProfileAssessment,
  type RatingRow,
} from "./queries.server";
import * as clock from "~/platform/clock.server";

export type SubjectContext = {
  viewer: Viewer;
  person: PlaceRow;
  chain: string[];
  isSelf: boolean;
  /** Only the assessments the viewer may read, newest first. */
  assessments: ProfileAssessment[];
  /** The person reading their own: manager reviews submitted in cycles where their own is in too, that the cycle does not share yet. */
  reviewsWaiting: ({ cycleName: string } & ReturnType<typeof sharingMoment>)[];
};

/**
 * The person and the assessments about them the viewer may read; NotFoundError for anyone
 * who may not see the person at all (a peer, an unknown id). Three flat statements:
 * the person with their team and manager, their manager chain, and (only once the
 * viewer may see them) their assessments with author and cycle.
 */
export async function loadSubject(viewer: Viewer, personId: string): Promise<SubjectContext> {
  const [place, chain] = await Promise.all([placeInOrganisation(personId), managerChain(personId)]);
  // Authorise before reading anything about them: a refusal is "not found", exactly as if they did not exist.
  if (!place || !canViewPerson(viewer, personId, chain, place.erased)) throw new NotFoundError();
  const { erased: _erased, ...person } = place;
  const about = await assessmentsAbout(personId);
  // Only the person reading their own manager reviews waits for their cycle's moment to share them.
  const ownReviews =
    viewer.id === personId
      ? about.filter(
          (assessment) => assessment.kind === "manager" && assessment.status === "submitted",
        )
      : [];
  const cycles = ownReviews.flatMap(({ cycleId, reviewsShared, reviewsSharedOn }) =>
    cycleId !== null && reviewsShared !== null
      ? [{ id: cycleId, reviewsShared, reviewsSharedOn }]
      : [],
  );
  const sharingIn = await sharingFactsOf(personId, cycles, clock.now());
  const assessments = readableAssessments(
    about,
    { viewerId: viewer.id, viewerIsAdmin: viewer.isAdmin, subjectManagerChain: chain },
    sharingIn,
  );
  const reviewsWaiting = ownReviews
    .filter(
      (review) =>
        !assessments.includes(review) && subjectSelfSubmitted(about, personId, review.cycleId),
    )
    .map((review) => ({
      cycleName: review.cycleName ?? "",
      ...sharingMoment(review.reviewsShared ?? "", review.reviewsSharedOn),
    }));
  return { viewer, person, chain, isSelf: viewer.id === personId, assessments, reviewsWaiting };
}

/** The ratings of some assessments, by assessment, with their evidence counted or in full, in one statement. */
async function loadRatings(
  assessmentIds: readonly string[],
  evidence: "none" | "count" | "full",
): Promise<Map<string, RatingRow[]>> {
  const byAssessment = new Map<string, RatingRow[]>();
  const ids = [...new Set(assessmentIds)];
  if (!ids.length) return byAssessment;
  const read =
    evidence === "full"
      ? ratingsWithEvidence
      : evidence === "count"
        ? ratingsWithEvidenceCount
        : ratingsOf;
  for (const rating of await read(ids)) {
    const list = byAssessment.get(rating.assessmentId);
    if (list) list.push(rating);
    else byAssessment.set(rating.assessmentId, [rating]);
  }
  return byAssessment;
}

/** The ladders of some stored versions in the reader's language (cached after the first read of each). */
async function laddersOf(
  versionIds: readonly (string | undefined)[],
  language: PageLanguage,
): Promise<Map<string, Ladder>> {
  const ids = [...new Set(versionIds.filter((id): id is string => Boolean(id)))];
  const ladders = await Promise.all(ids.map((id) => ladderOfVersion(id)));
  return new Map(
    ids.flatMap((id, index) => {
      const ladder = ladders[index];
      return ladder ? [[id, ladderInLanguage(ladder, language).ladder] as const] : [];
    }),
  );
}

/** The competencies that apply at the level, in ladder order. */
function competencyList(ladder: Ladder | undefined, levelId: string | undefined) {
  if (!ladder || !levelId) return [];
  return competenciesForLevel(ladder, levelId).map((competency) => ({
    id: competency.id,
    name: competency.name,
  }));
}

function submitted(assessments: readonly ProfileAssessment[]) {
  return assessments.filter((assessment) => assessment.status === "submitted");
}

/**
 * An assessment as the person pages list it: what it is, whose, when, at which level. Its written
 * summary is not here: only the side-by-side shows summaries, and what a page does not show is not
 * sent (its loader's data reaches the browser whole).
 */
export type AssessmentSummary = Pick<
  ProfileAssessment,
  "id" | "kind" | "status" | "authorName" | "cycleName" | "levelId" | "submittedAt" | "updatedAt"
> & { levelTitle: string };

function summaryOf(assessment: ProfileAssessment, ladder: Ladder | undefined): AssessmentSummary {
  return {
    id: assessment.id,
    kind: assessment.kind,
    status: assessment.status,
    authorName: assessment.authorName,
    cycleName: assessment.cycleName,
    levelId: assessment.levelId,
    levelTitle: (ladder && getLevel(ladder, assessment.levelId)?.title) ?? assessment.levelId,
    submittedAt: assessment.submittedAt,
    updatedAt: assessment.updatedAt,
  };
}

/** The same with its written summary, for the pages that show it: the side by side, and the printed record. */
export type AssessmentWithSummary = AssessmentSummary & Pick<ProfileAssessment, "summary">;

function withSummaryOf(
  assessment: ProfileAssessment,
  ladder: Ladder | undefined,
): AssessmentWithSummary {
  return { ...summaryOf(assessment, ladder), summary: assessment.summary };
}

export type SideBySide = {
  cycleName: string | null;
  self: AssessmentWithSummary;
  manager: AssessmentWithSummary;
  comparison: Comparison;
};

async function sideBySide(
  pair: { self: ProfileAssessment; manager: ProfileAssessment } | null,
  ratings: Map<string, RatingRow[]>,
  ladders: Map<string, Ladder>,
): Promise<SideBySide | null> {
  if (!pair) return null;
  const ladder =
    ladders.get(pair.manager.ladderVersionId) ?? ladders.get(pair.self.ladderVersionId);
  const names = competencyNames([
    ladders.get(pair.manager.ladderVersionId),
    ladders.get(pair.self.ladderVersionId),
  ]);
  return {
    cycleName: pair.manager.cycleName,
    self: withSummaryOf(pair.self, ladders.get(pair.self.ladderVersionId)),
    manager: withSummaryOf(pair.manager, ladders.get(pair.manager.ladderVersionId)),
    comparison: compareRatings({
      competencies: competencyList(ladder, pair.manager.levelId),
      scale: ladder?.scale ?? [],
      self: ratings.get(pair.self.id) ?? [],
      manager: ratings.get(pair.manager.id) ?? [],
      names,
    }),
  };
}

/** Where the person stands: their level in the ladder served now (in the reader's language), and the next one. */
async function placement(person: PlaceRow, language: PageLanguage) {
  const found = await ladderForPerson(person);
  const translated = found && ladderInLanguage(found.ladder, language);
  const served = found && translated && { ...found, ladder: translated.ladder };
  const level = served && person.level ? getLevel(served.ladder, person.level) : undefined;
  if (!served || !translated || !level || level.trackId !== person.track) return null;
  const next = nextLevel(served.ladder, level.id);
  return { served, translated, level, next };
}

export type PersonHeader = PlaceRow & {
  levelTitle: string | null;
  trackName: string | null;
  assessable: boolean;
};

function header(person: PlaceRow, place: Awaited<ReturnType<typeof placement>>): PersonHeader {
  return {
    ...person,
    // With the person's sub-level beside it, where they have one: "Engineer II · B".
    levelTitle: place ? levelTitleAt(place.level, person.sublevel) : null,
    trackName: place
      ? (place.served.ladder.tracks.find((track) => track.id === place.level.trackId)?.name ?? null)
      : null,
    assessable: place !== null,
  };
}

/** The growth page: latest assessments, the side-by-side comparison once both are submitted and readable, the growth plan. */
export async function growthPage(
  viewer: Viewer,
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const context = await loadSubject(viewer, personId);
  const { assessments, isSelf, person } = context;
  const readableSubmitted = submitted(assessments);
  const pair = pickLatestPair(readableSubmitted);
  const [ratings, place, plan] = await Promise.all([
    loadRatings(pair ? [pair.self.id, pair.manager.id] : [], "count"),
    placement(person, language),
    readGrowthPlan(personId, language),
  ]);
  const ladders = await laddersOf(
    assessments.map((assessment) => assessment.ladderVersionId),
    language,
  );
  const draftOf = (kind: AssessmentKind) =>
    assessments.find((a) => a.kind === kind && a.status === "draft" && a.authorId === viewer.id);
  const selfDraft = draftOf("self");
  const managerDraft = draftOf("manager");
  return {
    person: header(person, place),
    isSelf,
    canSelfAssess: isSelf && place !== null,
    canReview: place !== null && canAuthorAssessment("manager", viewer.id, personId, context.chain),
    canEditPlan: canChangeGrowthPlan(viewer, personId),
    selfDraft: selfDraft ? summaryOf(selfDraft, ladders.get(selfDraft.ladderVersionId)) : null,
    managerDraft: managerDraft
      ? summaryOf(managerDraft, ladders.get(managerDraft.ladderVersionId))
      : null,
    latestSelf: summaryOrNull(latestSubmitted(readableSubmitted, "self"), ladders),
    latestManager: summaryOrNull(latestSubmitted(readableSubmitted, "manager"), ladders),
    sideBySide: await sideBySide(pair, ratings, ladders),
    reviewsWaiting: context.reviewsWaiting,
    plan,
    assessments: assessments.map((assessment) =>
      summaryOf(assessment, ladders.get(assessment.ladderVersionId)),
    ),
  };
}

function summaryOrNull(assessment: ProfileAssessment | undefined, ladders: Map<string, Ladder>) {
  return assessment ? summaryOf(assessment, ladders.get(assessment.ladderVersionId)) : null;
}

export type GapSourceKind = "manager" | "self" | "self-draft";
type GapPick = { assessment: ProfileAssessment; kind: GapSourceKind };

/**
 * The assessments a gap analysis reads, one per side: the latest submitted manager review
 * the viewer may read, and the latest submitted self-assessment, else the subject's own
 * draft (only when the subject is the viewer).
 */
export function gapSourcesOf(context: SubjectContext): {
  manager: GapPick | null;
  self: GapPick | null;
} {
  const readableSubmitted = submitted(context.assessments);
  const manager = latestSubmitted(readableSubmitted, "manager");
  const self = latestSubmitted(readableSubmitted, "self");
  const draft = context.isSelf
    ? context.assessments.find(
        (a) => a.kind === "self" && a.status === "draft" && a.authorId === context.viewer.id,
      )
    : undefined;
  return {
    manager: manager ? { assessment: manager, kind: "manager" } : null,
    self: self
      ? { assessment: self, kind: "self" }
      : draft
        ? { assessment: draft, kind: "self-draft" }
        : null,
  };
}

function gapFor(
  served: { ladder: Ladder; versionId: string },
  targetLevelId: string,
  sources: { manager: GapPick | null; self: GapPick | null },
  ratings: Map<string, RatingRow[]>,
  ladders: Map<string, Ladder>,
): GapAnalysis | null {
  const side = (pick: GapPick | null) => {
    const sourceLadder = pick ? ladders.get(pick.assessment.ladderVersionId) : undefined;
    if (!pick || !sourceLadder) return null;
    return {
      ladder: sourceLadder,
      levelId: pick.assessment.levelId,
      sameVersion: pick.assessment.ladderVersionId === served.versionId,
      ratings: ratings.get(pick.assessment.id) ?? [],
    };
  };
  return gapAnalysis(served.ladder, targetLevelId, {
    manager: side(sources.manager),
    self: side(sources.self),
  });
}

/**
 * The analysis with the served ladder's texts it shows in the source (`sourceTexts`), where the
 * reader's translation lacks them, so the page marks them as the ladder pages do (decision 124).
 */
function markedGap(
  analysis: GapAnalysis | null,
  translated: TranslatedLadder,
): (GapAnalysis & { sourceTexts?: SourceTexts }) | null {
  return analysis && withSourceTexts(analysis, translated);
}

export type TargetOption = {
  trackId: string;
  trackName: string;
  levels: { id: string; title: string }[];
};

/** The gap page: the analysis to `?target=` (else the plan's target, else the next level) and the growth plan. */
export async function gapPage(
  viewer: Viewer,
  personId: string,
  requestedTarget: string | null,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const context = await loadSubject(viewer, personId);
  const sources = gapSourcesOf(context);
  const picked = [sources.manager, sources.self].flatMap((pick) => (pick ? [pick.assessment] : []));
  const [place, plan, ratings, ladders] = await Promise.all([
    placement(context.person, language),
    readGrowthPlan(personId, language),
    loadRatings(
      picked.map((assessment) => assessment.id),
      "count",
    ),
    laddersOf(
      picked.map((assessment) => assessment.ladderVersionId),
      language,
    ),
  ]);
  const described = (pick: GapPick | null) =>
    pick
      ? {
          kind: pick.kind,
          assessment: summaryOf(pick.assessment, ladders.get(pick.assessment.ladderVersionId)),
        }
      : null;
  const base = {
    person: header(context.person, place),
    isSelf: context.isSelf,
    canEditPlan: canChangeGrowthPlan(viewer, personId),
    plan,
    sources: { manager: described(sources.manager), self: described(sources.self) },
  };
  if (!place)
    return {
      ...base,
      targetError: null,
      targetOptions: [] as TargetOption[],
      targetLevelId: null,
      nextLevelId: null,
      analysis: null,
      points: { manager: null, self: null },
    };

  const { ladder } = place.served;
  const defaultTarget = place.next?.id ?? place.level.id;
  const known = (id: string | null | undefined): id is string =>
    Boolean(id && getLevel(ladder, id));
  const targetError =
    requestedTarget !== null && !known(requestedTarget)
      ? messageText({ key: "growth:plan.errors.noSuchLevel", values: { level: requestedTarget } })
      : null;
  const targetLevelId = known(requestedTarget)
    ? requestedTarget
    : known(plan?.targetLevelId)
      ? plan.targetLevelId
      : defaultTarget;
  const targetOptions: TargetOption[] = ladder.tracks.map((track) => ({
    trackId: track.id,
    trackName: track.name,
    levels: track.levels.map((level) => ({ id: level.id, title: level.title })),
  }));
  return {
    ...base,
    targetError,
    targetOptions,
    targetLevelId,
    nextLevelId: place.next?.id ?? null,
    analysis: markedGap(
      gapFor(place.served, targetLevelId, sources, ratings, ladders),
      place.translated,
    ),
    /** On a ladder whose levels come from points: where each side's ratings stand. */
    points: {
      manager: standingOf(sources.manager, ratings, ladders),
      self: standingOf(sources.self, ratings, ladders),
    },
  };
}

function standingOf(
  pick: GapPick | null,
  ratings: Map<string, RatingRow[]>,
  ladders: Map<string, Ladder>,
) {
  const ladder = pick ? ladders.get(pick.assessment.ladderVersionId) : undefined;
  if (!pick || !ladder) return null;
  return ladderStanding(
    ladder,
    (ratings.get(pick.assessment.id) ?? []).map((row) => row.rating),
  );
}

export type HistoryPage = {
  person: PersonHeader;
  history: History;
  profile: ProfileRow[];
  scale: { value: number; label: string }[];
  profileSources: { self: AssessmentSummary | null; manager: AssessmentSummary | null };
  /** Level changes decided in calibration and applied, oldest first. */
  levelChanges: { on: string; from: string | null; to: string | null; sessionName: string }[];
};

/** History across cycles and the current profile against the bar: submitted assessments only, ratings in one query. */
export async function historyPage(
  viewer: Viewer,
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<HistoryPage> {
  const context = await loadSubject(viewer, personId);
  const readableSubmitted = submitted(context.assessments);
  const latestSelf = latestSubmitted(readableSubmitted, "self");
  const latestManager = latestSubmitted(readableSubmitted, "manager");
  const newest = latestManager ?? latestSelf;
  const [ratings, place, ladders, promotions] = await Promise.all([
    loadRatings(
      readableSubmitted.map((assessment) => assessment.id),
      "none",
    ),
    placement(context.person, language),
    // Newest first, so a competency's name is the latest one it was rated under.
    laddersOf(
      readableSubmitted.map((assessment) => assessment.ladderVersionId),
      language,
    ),
    appliedPromotions(personId),
  ]);
  // Competencies in the order of the ladder the latest assessment used, else the person's current track.
  const ladder = (newest && ladders.get(newest.ladderVersionId)) ?? place?.served.ladder;
  const levelId = newest ? newest.levelId : place?.level.id;
  const competencies = competencyList(ladder, levelId);
  const level = ladder && levelId ? getLevel(ladder, levelId) : undefined;
  const history = buildHistory(
    competencies,
    readableSubmitted.map((assessment) => ({
      kind: assessment.kind,
      cycleId: assessment.cycleId,
      cycleName: assessment.cycleName,
      cycleStartsOn: assessment.cycleStartsOn,
      submittedAt: assessment.submittedAt!,
      ratings: ratings.get(assessment.id) ?? [],
    })),
    competencyNames(ladders.values()),
  );
  const scale = ladder?.scale ?? [];
  const promotionLadders = await laddersOf(
    promotions.map((promotion) => promotion.ladderVersionId),
    language,
  );
  return {
    person: header(context.person, place),
    history,
    profile: newest
      ? profileAgainstBar({
          competencies,
          targets: level?.targets ?? {},
          target: level?.target ?? defaultTarget(scale),
          self: latestSelf ? (ratings.get(latestSelf.id) ?? []) : null,
          manager: latestManager ? (ratings.get(latestManager.id) ?? []) : null,
        })
      : [],
    scale: scale.map((point) => ({ value: point.value, label: point.label })),
    profileSources: {
      self: summaryOrNull(latestSelf, ladders),
      manager: summaryOrNull(latestManager, ladders),
    },
    levelChanges: promotions.map((promotion) => {
      const ladder = promotionLadders.get(promotion.ladderVersionId);
      const levelTitle = (id: string | null) =>
        id && ladder ? (getLevel(ladder, id)?.title ?? id) : id;
      return {
        on: promotion.on.toISOString(),
        from: levelTitle(promotion.fromLevelId),
        to: levelTitle(promotion.toLevelId),
        sessionName: promotion.sessionName,
      };
    }),
  };
}

export type PrintRow = Comparison["rows"][number] & {
  selfEvidence: EvidenceView[];
  managerEvidence: EvidenceView[];
};

/**
 * One person's review for printing: the latest self-assessment and manager review
 * (side by side when the viewer may read both, else whichever they may read),
 * with notes and evidence, and the gap summary to the plan's target or the next level.
 * Drafts are never printed.
 */
export async function printPage(
  viewer: Viewer,
  personId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const context = await loadSubject(viewer, personId);
  const readableSubmitted = submitted(context.assessments);
  const pair = pickLatestPair(readableSubmitted);
  const self = pair?.self ?? latestSubmitted(readableSubmitted, "self");
  const manager = pair?.manager ?? latestSubmitted(readableSubmitted, "manager");
  const gapSources = {
    manager: manager ? { assessment: manager, kind: "manager" as const } : null,
    self: self ? { assessment: self, kind: "self" as const } : null,
  };
  const [ratings, place, plan, ladders] = await Promise.all([
    loadRatings(
      [self?.id, manager?.id].filter((id): id is string => Boolean(id)),
      "full",
    ),
    placement(context.person, language),
    readGrowthPlan(personId, language),
    laddersOf([self?.ladderVersionId, manager?.ladderVersionId], language),
  ]);
  const ladder =
    (manager && ladders.get(manager.ladderVersionId)) ??
    (self && ladders.get(self.ladderVersionId)) ??
    place?.served.ladder;
  const comparison = compareRatings({
    competencies: competencyList(ladder, (manager ?? self)?.levelId),
    scale: ladder?.scale ?? [],
    self: self ? (ratings.get(self.id) ?? []) : null,
    manager: manager ? (ratings.get(manager.id) ?? []) : null,
    names: competencyNames([
      manager && ladders.get(manager.ladderVersionId),
      self && ladders.get(self.ladderVersionId),
    ]),
  });
  const evidenceOf = (assessment: ProfileAssessment | undefined) =>
    new Map(
      (assessment ? (ratings.get(assessment.id) ?? []) : []).map((rating) => [
        rating.competencyId,
        rating.evidence,
      ]),
    );
  const selfEvidence = evidenceOf(self);
  const managerEvidence = evidenceOf(manager);
  const rows: PrintRow[] = comparison.rows.map((row) => ({
    ...row,
    selfEvidence: selfEvidence.get(row.competencyId) ?? [],
    managerEvidence: managerEvidence.get(row.competencyId) ?? [],
  }));
  const targetLevelId = place
    ? plan && getLevel(place.served.ladder, plan.targetLevelId)
      ? plan.targetLevelId
      : (place.next?.id ?? null)
    : null;
  const analysis =
    place && targetLevelId && (manager || self)
      ? gapFor(place.served, targetLevelId, gapSources, ratings, ladders)
      : null;
  return {
    person: header(context.person, place),
    cycleName: pair ? pair.manager.cycleName : null,
    self: self ? withSummaryOf(self, ladders.get(self.ladderVersionId)) : null,
    manager: manager ? withSummaryOf(manager, ladders.get(manager.ladderVersionId)) : null,
    rows,
    counts: comparison.counts,
    /** Both belong together (same cycle, or both outside one), so agreement is shown. */
    sideBySide: pair !== null,
    plan,
    gap:
      analysis && place
        ? withSourceTexts(
            {
              source: manager ? ("manager" as const) : ("self" as const),
              target: analysis.target,
              summary: analysis.summary,
              competencies: analysis.competencies,
            },
            place.translated,
          )
        : null,
    printedAt: clock.now(),
  };
}

export type { EvidenceView, GrowthPlanView };
