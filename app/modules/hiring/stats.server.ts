import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { ViewCache } from "~/platform/view-cache.server";
import { ForbiddenError } from "~/modules/errors";
import { servedLadders, servedLaddersIn } from "~/modules/ladders/registry.server";
import { peopleChangedAt } from "~/modules/people/queries.server";
import { asRecommendation, effectiveSubmitted } from "./cards";
import { cardSelect } from "./loops.server";
import { interviewAgreement } from "./krippendorff";
import { interviewerStats, type PastLoop } from "./interviewer-stats";
import { canSeeHiringStatistics } from "./policy";
import { validityReport, type HireOutcome } from "./validity";

/**
 * Hiring statistics for hiring admins, over the decided loops of the openings they manage (all,
 * for admins): interviewer offsets, recommend rates and time to submit; agreement per opening;
 * and the validity loop. A loop in which the viewer still owes a scorecard is left out, so no
 * figure carries anything of a card they may not see yet.
 *
 * The interviewer statistics read every submitted card of thousands of loops, so each viewer's
 * computed figures are kept (ViewCache, as calibration's views are) under a key naming their
 * version: how many loops count and when the last of them changed. Deciding a loop, submitting a
 * card and purging all write the loop (updatedAt), so any change that could move a figure moves
 * the key.
 */

function requireStatistics(viewer: Viewer) {
  if (!canSeeHiringStatistics(viewer)) throw new ForbiddenError({ key: "hiring:stats.forbidden" });
}

/** The decided loops of the openings the viewer manages (every opening, for admins). */
function decidedLoops(viewer: Viewer): Prisma.HiringLoopWhereInput {
  return {
    decision: { not: null },
    ...(viewer.isAdmin ? {} : { opening: { admins: { some: { userId: viewer.id } } } }),
  };
}

/** Interviews of those loops in which the viewer still owes a card (organisation insights hide the moves made since she was put on it: `readableAt`). */
export function owedInterviews(viewer: Viewer): Prisma.HiringInterviewWhereInput {
  return { interviewerId: viewer.id, scorecards: { none: { status: "submitted" } } };
}

/** The decided loops the viewer may count. */
function countedLoops(viewer: Viewer): Prisma.HiringLoopWhereInput {
  return { ...decidedLoops(viewer), NOT: { interviews: { some: owedInterviews(viewer) } } };
}

const statsCardSelect = {
  ...cardSelect,
  interview: {
    select: {
      scheduledAt: true,
      loopId: true,
      stage: { select: { name: true } },
      loop: { select: { openingId: true } },
    },
  },
} satisfies Prisma.HiringScorecardSelect;

async function submittedCards(where: Prisma.HiringLoopWhereInput) {
  return db.hiringScorecard.findMany({
    where: { status: "submitted", interview: { loop: where } },
    orderBy: [{ interview: { stage: { position: "asc" } } }, { id: "asc" }],
    select: statsCardSelect,
  });
}

type Card = Awaited<ReturnType<typeof submittedCards>>[number];

/** Cards grouped by loop, each the card that counts, with the first submission's time. */
function pastLoops(
  cards: readonly Card[],
): Map<string, { openingId: string; cards: (Card & { firstSubmittedAt: Date | null })[] }> {
  const firstSubmitted = new Map(
    cards
      .filter((card) => card.amendsId === null)
      .map((card) => [card.interviewId, card.submittedAt]),
  );
  const loops = new Map<
    string,
    { openingId: string; cards: (Card & { firstSubmittedAt: Date | null })[] }
  >();
  for (const card of effectiveSubmitted(cards)) {
    const loopId = card.interview.loopId;
    const loop = loops.get(loopId) ?? { openingId: card.interview.loop.openingId, cards: [] };
    loop.cards.push({
      ...card,
      firstSubmittedAt: firstSubmitted.get(card.interviewId) ?? card.submittedAt,
    });
    loops.set(loopId, loop);
  }
  return loops;
}

const statisticsCache = new ViewCache<Awaited<ReturnType<typeof computeStatistics>>>({
  entries: 50,
  maxAgeMs: 15 * 60 * 1000,
});

/** Interviewer offsets (with n and interval), recommend rates and time to submit; agreement (ordinal alpha) per opening, per competency and overall. */
export async function hiringStatistics(
  viewer: Viewer,
  version?: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  requireStatistics(viewer);
  // The figures name interviewers and competencies: a rename, an erasure (in the version) or a ladder reload is shown at once.
  const [counted, ladders] = await Promise.all([
    version ?? statisticsVersion(viewer),
    servedLadders(),
  ]);
  const key = [counted, ladders.map((entry) => entry.hash).join(","), language].join(":");
  return statisticsCache.get(key, () => computeStatistics(viewer, language));
}

/**
 * The key of the viewer's figures: the decided loops of their openings (how many, when the last
 * changed) and the loops among them in which they owe a card. Together they move whenever the
 * counted loops or anything in them does, and both are read from indexes; asking for the counted
 * loops themselves (every decided loop tested for the viewer's cards) cost the page a fifth of
 * its requests a second (decision 013). People's newest change too: the figures and the panels'
 * name and group interviewers, and both are kept under this one key.
 */
export async function statisticsVersion(viewer: Viewer): Promise<string> {
  const [decided, owed, people] = await Promise.all([
    db.hiringLoop.aggregate({
      where: decidedLoops(viewer),
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
    db.hiringInterview.findMany({
      where: { ...owedInterviews(viewer), loop: decidedLoops(viewer) },
      select: { loopId: true },
      orderBy: { loopId: "asc" },
    }),
    peopleChangedAt(),
  ]);
  const owedLoops = [...new Set(owed.map((interview) => interview.loopId))].join(",");
  return `${viewer.id}:${viewer.isAdmin ? "all" : "own"}:${decided._count._all}:${decided._max.updatedAt?.getTime() ?? 0}:${owedLoops}:${people?.getTime() ?? 0}`;
}

async function computeStatistics(viewer: Viewer, language: PageLanguage) {
  const where = countedLoops(viewer);
  const [cards, openings, withheld] = await Promise.all([
    submittedCards(where),
    db.hiringOpening.findMany({
      where: { loops: { some: where } },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, ladderId: true },
    }),
    db.hiringLoop.count({
      where: { ...decidedLoops(viewer), interviews: { some: owedInterviews(viewer) } },
    }),
  ]);
  const loops = pastLoops(cards);
  const past: PastLoop[] = [...loops.values()].map((loop) => ({
    cards: loop.cards.map((card) => ({
      interviewerId: card.authorId,
      scores: card.scores,
      recommendation: asRecommendation(card.recommendation),
      interviewedAt: card.interview.scheduledAt,
      submittedAt: card.firstSubmittedAt,
    })),
  }));
  const stats = interviewerStats(past);
  const people = await db.user.findMany({
    where: { id: { in: stats.map((row) => row.interviewerId) } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((person) => [person.id, person.name]));
  const ladders = await servedLaddersIn(language);
  const competencyName = new Map(
    ladders.flatMap(({ ladder }) =>
      ladder.competencies.map((competency) => [competency.id, competency.name] as const),
    ),
  );
  return {
    loops: loops.size,
    /** Decided loops left out because the viewer still owes a scorecard in them. */
    withheld,
    interviewers: stats
      // Null for someone no longer in Rungs (the page names them), after everyone named.
      .map((row) => ({ ...row, name: names.get(row.interviewerId) ?? null }))
      .sort(
        (a, b) =>
          Number(a.name === null) - Number(b.name === null) ||
          (a.name ?? "").localeCompare(b.name ?? "") ||
          a.interviewerId.localeCompare(b.interviewerId),
      ),
    openings: openings.map((opening) => {
      const own = [...loops.values()].filter((loop) => loop.openingId === opening.id);
      const agreement = interviewAgreement(
        own.map((loop) => ({ cards: loop.cards })),
        "ordinal",
      );
      return {
        id: opening.id,
        title: opening.title,
        loops: own.length,
        overall: agreement.overall,
        byCompetency: agreement.byCompetency.map((row) => ({
          ...row,
          name: competencyName.get(row.competencyId) ?? row.competencyId,
        })),
      };
    }),
  };
}

/**
 * The validity loop: each linked hire's interview scores (per competency and per stage, by stage
 * name) against their first submitted manager review after the decision.
 */
export async function validityStatistics(viewer: Viewer, language: PageLanguage = SOURCE_LANGUAGE) {
  const { linkedHires, outcomes } = await hireOutcomes(viewer);
  const ladders = await servedLaddersIn(language);
  const competencies = ladders.flatMap(({ ladder }) => ladder.competencies);
  const competencyName = new Map(
    competencies.map((competency) => [competency.id, competency.name] as const),
  );
  const position = new Map(
    competencies.map((competency, index) => [competency.id, index] as const),
  );
  const inLadderOrder = (a: { competencyId: string }, b: { competencyId: string }) =>
    (position.get(a.competencyId) ?? Infinity) - (position.get(b.competencyId) ?? Infinity);
  const report = validityReport(outcomes);
  return {
    linkedHires,
    report: {
      ...report,
      byCompetency: report.byCompetency
        .map((row) => ({ ...row, name: competencyName.get(row.competencyId) ?? row.competencyId }))
        .sort(inLadderOrder),
    },
  };
}

/**
 * Each linked hire's interview scores and first submitted manager review after the decision, with
 * the day of the decision: the validity loop's pairs, for this page and organisation insights
 * (which follow them over time).
 */
export async function hireOutcomes(
  viewer: Viewer,
): Promise<{ linkedHires: number; outcomes: (HireOutcome & { decidedAt: Date | null })[] }> {
  requireStatistics(viewer);
  // Hires are candidates the pipeline says were hired, linked to their account; a candidate with
  // several loops counts once, by the latest loop decided to hire.
  const where: Prisma.HiringLoopWhereInput = {
    ...countedLoops(viewer),
    decision: { in: ["hire", "hire-other-level"] },
    candidate: { pipelineStage: "hired", hiredPersonId: { not: null } },
  };
  const [hireLoops, cards] = await Promise.all([
    db.hiringLoop.findMany({
      where,
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        decidedAt: true,
        candidateId: true,
        candidate: { select: { hiredPersonId: true } },
      },
    }),
    submittedCards(where),
  ]);
  const hires = [
    ...new Map(hireLoops.map((loop) => [loop.candidateId, loop] as const).reverse()).values(),
  ];
  const personIds = [...new Set(hires.map((hire) => hire.candidate.hiredPersonId!))];
  const reviews = personIds.length
    ? await db.assessment.findMany({
        where: { subjectId: { in: personIds }, kind: "manager", status: "submitted" },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: {
          subjectId: true,
          submittedAt: true,
          ratings: { select: { competencyId: true, rating: true } },
        },
      })
    : [];
  const loops = pastLoops(cards);
  const outcomes: (HireOutcome & { decidedAt: Date | null })[] = [];
  for (const hire of hires) {
    const personId = hire.candidate.hiredPersonId!;
    const review = reviews.find(
      (row) =>
        row.subjectId === personId &&
        (!hire.decidedAt || (row.submittedAt !== null && row.submittedAt > hire.decidedAt)),
    );
    const loop = loops.get(hire.id);
    if (!review || !loop) continue;
    outcomes.push({
      personId,
      decidedAt: hire.decidedAt,
      interview: loop.cards.flatMap((card) =>
        card.scores.map((score) => ({
          competencyId: score.competencyId,
          score: score.score,
          stageId: card.interview.stage.name,
        })),
      ),
      review: review.ratings,
    });
  }
  return { linkedHires: hires.length, outcomes };
}
