import type { Viewer } from "~/modules/identity/policy";
import { db } from "~/db/client.server";
import { placeLabel } from "~/modules/ladders";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { ExistingAssessment } from "./assessment-entry";
import { reportReviewStatus } from "./assessment-list";
import type { AssessmentStatus } from "./policy";
import * as clock from "~/platform/clock.server";

/**
 * The /reviews page: the viewer's self-assessments, a row for each direct report
 * with the state of their manager review, and the reviews the viewer wrote.
 * A fixed handful of queries whatever the number of reports.
 */
export async function reviewsOverview(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  const [mine, reports, written] = await Promise.all([
    db.assessment.findMany({
      where: { subjectId: viewer.id, kind: "self" },
      select: {
        id: true,
        status: true,
        levelId: true,
        createdAt: true,
        updatedAt: true,
        submittedAt: true,
        cycle: { select: { name: true, closedAt: true } },
      },
      orderBy: { createdAt: "desc" },
    }),
    db.user.findMany({
      where: { managerId: viewer.id, deactivatedAt: null },
      select: { id: true, name: true, level: true },
      orderBy: { name: "asc" },
    }),
    db.assessment.findMany({
      where: { authorId: viewer.id, kind: "manager" },
      select: {
        id: true,
        status: true,
        levelId: true,
        updatedAt: true,
        submittedAt: true,
        subject: { select: { id: true, name: true } },
        cycle: { select: { name: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
  ]);

  const reportIds = reports.map((report) => report.id);
  const [participations, reviews, selfSubmitted] = reportIds.length
    ? await Promise.all([
        db.reviewCycleParticipant.findMany({
          where: {
            userId: { in: reportIds },
            cycle: { closedAt: null, startsOn: { lte: clock.now() } },
          },
          select: {
            userId: true,
            cycle: { select: { id: true, name: true, startsOn: true, createdAt: true } },
          },
        }),
        db.assessment.findMany({
          where: { subjectId: { in: reportIds }, kind: "manager" },
          select: {
            id: true,
            subjectId: true,
            authorId: true,
            status: true,
            cycleId: true,
            createdAt: true,
            submittedAt: true,
            author: { select: { name: true } },
          },
        }),
        db.assessment.findMany({
          where: { subjectId: { in: reportIds }, kind: "self", status: "submitted" },
          select: { subjectId: true, cycleId: true },
        }),
      ])
    : [[], [], []];

  // The started open cycle each report is in (the most recently started, as openCycleFor picks).
  const cycleOf = new Map<string, { id: string; name: string; startsOn: Date; createdAt: Date }>();
  for (const { userId, cycle } of participations) {
    const seen = cycleOf.get(userId);
    if (
      !seen ||
      cycle.startsOn > seen.startsOn ||
      (cycle.startsOn.getTime() === seen.startsOn.getTime() && cycle.createdAt > seen.createdAt)
    )
      cycleOf.set(userId, cycle);
  }
  const reviewsOf = new Map<string, ExistingAssessment[]>();
  for (const review of reviews) {
    const cycleId = cycleOf.get(review.subjectId)?.id ?? null;
    if (review.cycleId !== cycleId) continue;
    const list = reviewsOf.get(review.subjectId) ?? [];
    list.push({
      ...review,
      status: review.status as AssessmentStatus,
      authorName: review.author.name,
    });
    reviewsOf.set(review.subjectId, list);
  }
  const selfDone = new Set(selfSubmitted.map((row) => `${row.subjectId}:${row.cycleId ?? ""}`));
  // Level titles, not ids, from the ladders served now (an id no ladder knows is shown as it is).
  const ladders = (await servedLaddersIn(language)).map((served) => served.ladder);
  const titleOf = (levelId: string) => placeLabel(ladders, null, levelId) ?? levelId;

  return {
    selfAssessments: mine.map((row) => ({
      id: row.id,
      status: row.status as AssessmentStatus,
      levelId: row.levelId,
      levelTitle: titleOf(row.levelId),
      cycleName: row.cycle?.name ?? null,
      cycleClosed: row.cycle?.closedAt != null,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
    })),
    directReports: reports.map((report) => {
      const cycle = cycleOf.get(report.id) ?? null;
      return {
        id: report.id,
        name: report.name,
        level: report.level,
        levelTitle: report.level ? titleOf(report.level) : null,
        cycleName: cycle?.name ?? null,
        selfSubmitted: selfDone.has(`${report.id}:${cycle?.id ?? ""}`),
        review: reportReviewStatus(
          viewer.id,
          report.id,
          cycle !== null,
          reviewsOf.get(report.id) ?? [],
          report.level !== null,
        ),
      };
    }),
    written: written.map((row) => ({
      id: row.id,
      status: row.status as AssessmentStatus,
      subject: row.subject,
      levelId: row.levelId,
      levelTitle: titleOf(row.levelId),
      cycleName: row.cycle?.name ?? null,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
    })),
  };
}
