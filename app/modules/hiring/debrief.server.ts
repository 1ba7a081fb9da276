import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { getLevel, trackOfLevel } from "~/modules/ladders";
import { openingLadder, requireVisibleLoop } from "./access.server";
import { asRecommendation, effectiveSubmitted } from "./cards";
import { debrief, DISAGREEMENT_SPREAD } from "./debrief";
import type { Decision } from "./forms";
import { loopCardRows } from "./queries.server";
import { planCompetencyIds } from "./plan";
import {
  canRecordDecision,
  canRecordDissent,
  canSeeDebrief,
  debriefIsOpen,
  hasSubmittedOwn,
  isInterviewerOn,
  visibleScorecards,
} from "./policy";
import { db } from "~/db/client.server";

/**
 * The debrief page, mechanical first (debrief.ts): the interviewers × competencies matrix from the
 * cards that count, disagreements, competencies nobody rated, aggregates, the level the evidence
 * supports, and the agenda; then the decision and any dissent. Nothing of it reaches an
 * interviewer whose own card is not in.
 */
export async function debriefPage(
  viewer: Viewer,
  loopId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const loop = await requireVisibleLoop(viewer, loopId);
  const { access } = loop;
  const header = {
    loop: { id: loop.id },
    opening: { id: loop.opening.id, title: loop.opening.title },
    candidate: loop.candidate.purgedAt ? null : loop.candidate.name,
  };
  if (!canSeeDebrief(viewer, access)) {
    const reason: Message =
      isInterviewerOn(viewer, access) && !hasSubmittedOwn(viewer, access)
        ? access.decided
          ? { key: "hiring:debrief.unavailable.closed" }
          : { key: "hiring:debrief.unavailable.ownFirst" }
        : debriefIsOpen(access)
          ? { key: "hiring:debrief.unavailable.forbidden" }
          : { key: "hiring:debrief.unavailable.notOpen" };
    return { ...header, available: false as const, reason };
  }
  const ladder = await openingLadder(loop.opening, language);
  const cards = effectiveSubmitted(visibleScorecards(viewer, access, await loopCardRows(loopId)));
  const interviewOf = new Map(loop.interviews.map((interview) => [interview.id, interview]));
  const stageName = new Map(loop.opening.stages.map((stage) => [stage.id, stage.name]));
  const result = debrief(
    ladder,
    loop.opening.levelId,
    planCompetencyIds(loop.opening.stages),
    cards.map((card) => ({
      interviewerId: card.authorId,
      stageId: interviewOf.get(card.interviewId)?.stageId ?? null,
      scores: card.scores,
      recommendation: asRecommendation(card.recommendation),
    })),
  );
  const names = new Map(
    loop.interviews.map((interview) => [interview.interviewerId, interview.interviewer.name]),
  );
  const competencyName = Object.fromEntries(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  const levelTitle = (levelId: string | null) =>
    levelId ? (getLevel(ladder, levelId)?.title ?? levelId) : null;
  const track = trackOfLevel(ladder, loop.opening.levelId);
  const dissents = loop.decision
    ? await db.hiringDissent.findMany({
        where: { loopId },
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
      })
    : [];
  const pending = loop.interviews.filter((interview) => interview.scorecards.length === 0).length;
  return {
    ...header,
    available: true as const,
    roleLevel: levelTitle(loop.opening.levelId),
    openedEarly: loop.debriefOpenedAt
      ? { at: loop.debriefOpenedAt.toISOString(), by: loop.debriefOpenedBy?.name ?? null, pending }
      : null,
    spreadThreshold: DISAGREEMENT_SPREAD,
    competencies: result.competencyIds.map((id) => ({ id, name: competencyName[id] ?? id })),
    rows: result.rows.map((row) => ({
      /** Null for an interviewer no longer in the loop: the page words it. */
      interviewer: names.get(row.interviewerId) ?? null,
      stage: row.stageId ? (stageName.get(row.stageId) ?? "") : "",
      scores: row.scores,
      recommendation: row.recommendation,
    })),
    aggregates: result.aggregates,
    disagreements: result.disagreements,
    unrated: result.unrated,
    agenda: result.agenda,
    recommendations: result.recommendations,
    level: result.level
      ? {
          supported: levelTitle(result.level.supportedLevelId),
          supportedLevelId: result.level.supportedLevelId,
          tolerance: result.level.tolerance,
          checks: result.level.checks.map((check) => ({
            ...check,
            title: check.title || levelTitle(check.levelId),
          })),
        }
      : null,
    /** Levels of the role's track and its equivalents, for "hire at another level". */
    levels: (track?.levels ?? [])
      .filter((level) => level.id !== loop.opening.levelId)
      .map((level) => ({ id: level.id, title: level.title })),
    decision: loop.decision
      ? {
          decision: loop.decision as Decision,
          level: levelTitle(loop.decisionLevelId),
          rationale: loop.rationale,
          decidedAt: loop.decidedAt?.toISOString() ?? null,
          decidedBy: loop.decidedBy?.name ?? null,
        }
      : null,
    dissents: dissents.map((dissent) => ({
      id: dissent.id,
      text: dissent.text,
      createdAt: dissent.createdAt.toISOString(),
      author: dissent.author.name,
    })),
    can: { decide: canRecordDecision(viewer, access), dissent: canRecordDissent(viewer, access) },
  };
}
