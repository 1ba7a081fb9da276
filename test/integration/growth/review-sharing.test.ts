import { describe, expect, test } from "vitest";
import type { gapPage } from "~/modules/growth/profile.server";
import { i18nFor } from "~/i18n/i18n.server";
import { db } from "~/db/client.server";
import * as assessmentRoute from "~/routes/assessments.$assessmentId";
import { loader as gapLoader } from "~/routes/people.$personId.gap";
import { loader as historyLoader } from "~/routes/people.$personId.history";
import { loader as growthLoader } from "~/routes/people.$personId._index";
import { loader as printLoader } from "~/routes/people.$personId.print";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import {
  createAssessment,
  createCycle,
  engineeringVersionId,
  reviewOrganisation,
} from "./profile-factories";

/**
 * When each person reads their manager's review is the cycle's choice (assessments/policy.ts,
 * managerReviewShared): every page that shows the person the manager's ratings or summary (the
 * comparison, the gap analysis, the history, the printable review, the review itself) holds them
 * back until that moment, and shows them from then on.
 */

type Growth = Awaited<ReturnType<typeof growthLoader>>;
type Gap = Awaited<ReturnType<typeof gapPage>>;

const SUMMARY = "MANAGER SUMMARY OF THE SPRING";
const NOTES = "MANAGER NOTES ON TESTING";
const DAY = 86_400_000;

async function growth(viewerId: string, personId: string) {
  return bodyOf<Growth>(
    await growthLoader(
      routeArgs(await signedInRequest(`/people/${personId}`, viewerId), { personId }),
    ),
  );
}

/** Both sides of the spring cycle submitted, the cycle sharing reviews as `sharing` says. */
async function bothSubmitted(sharing: { reviewsShared: string; reviewsSharedOn?: Date | null }) {
  const org = await reviewOrganisation();
  const { engineer, manager } = org;
  const cycle = await createCycle("Spring 2026", new Date("2026-03-01T00:00:00Z"));
  await db.reviewCycle.update({ where: { id: cycle.id }, data: sharing });
  await createAssessment({
    kind: "self",
    subjectId: engineer.id,
    authorId: engineer.id,
    cycleId: cycle.id,
    submittedAt: new Date("2026-03-10T00:00:00Z"),
    ratings: [
      { competencyId: "code-quality", rating: 3 },
      { competencyId: "testing", rating: 4 },
    ],
  });
  const review = await createAssessment({
    kind: "manager",
    subjectId: engineer.id,
    authorId: manager.id,
    cycleId: cycle.id,
    submittedAt: new Date("2026-03-20T00:00:00Z"),
    summary: SUMMARY,
    ratings: [
      { competencyId: "code-quality", rating: 3 },
      { competencyId: "testing", rating: 2, notes: NOTES },
    ],
  });
  return { ...org, cycle, review };
}

/** Everything the person's own pages give them about themselves, as their loaders send it (the `.data` a page fetches). */
async function ownPages(personId: string) {
  const args = async (path: string) =>
    routeArgs(await signedInRequest(`/people/${personId}${path}`, personId), { personId });
  return {
    growth: await growth(personId, personId),
    gap: bodyOf<Gap>(await gapLoader(await args("/gap"))),
    history: bodyOf<Awaited<ReturnType<typeof historyLoader>>>(
      await historyLoader(await args("/history")),
    ),
    print: bodyOf<Awaited<ReturnType<typeof printLoader>>>(await printLoader(await args("/print"))),
  };
}

/** The review's own page: its status (200 when it loads, else what it threw). */
async function reviewPage(viewerId: string, assessmentId: string): Promise<number> {
  const request = await signedInRequest(`/assessments/${assessmentId}`, viewerId);
  try {
    await assessmentRoute.loader(routeArgs(request, { assessmentId }));
    return 200;
  } catch (error) {
    return statusOf(error);
  }
}

function expectWithheld(pages: Awaited<ReturnType<typeof ownPages>>, reviewId: string) {
  expect(pages.growth.sideBySide).toBeNull();
  expect(pages.growth.latestManager).toBeNull();
  expect(pages.growth.assessments.map((assessment) => assessment.id)).not.toContain(reviewId);
  expect(pages.gap.sources.manager).toBeNull();
  expect(
    pages.gap.analysis?.competencies.every((competency) => competency.ratings.manager === null),
  ).toBe(true);
  expect(pages.history.profileSources.manager).toBeNull();
  expect(pages.print.manager).toBeNull();
  for (const page of Object.values(pages)) {
    expect(JSON.stringify(page)).not.toContain(SUMMARY);
    expect(JSON.stringify(page)).not.toContain(NOTES);
  }
}

function expectShared(pages: Awaited<ReturnType<typeof ownPages>>, reviewId: string) {
  expect(pages.growth.reviewsWaiting).toEqual([]);
  expect(pages.growth.sideBySide?.manager.id).toBe(reviewId);
  expect(pages.growth.sideBySide?.manager.summary).toBe(SUMMARY);
  expect(
    pages.growth.sideBySide?.comparison.rows.find((row) => row.competencyId === "testing"),
  ).toMatchObject({ manager: { rating: 2 }, self: { rating: 4 } });
  expect(pages.gap.sources.manager?.assessment.id).toBe(reviewId);
  expect(
    pages.gap.analysis?.competencies.find((competency) => competency.competencyId === "testing")
      ?.ratings.manager,
  ).toBe(2);
  expect(pages.history.profileSources.manager?.id).toBe(reviewId);
  expect(pages.print.manager?.id).toBe(reviewId);
  expect(JSON.stringify(pages.print)).toContain(NOTES);
}

describe("when the person reads their manager's review", () => {
  test("as soon as both are in (every cycle's default): the comparison and the gap carry the manager's ratings", async () => {
    const { engineer, review } = await bothSubmitted({ reviewsShared: "when-both-submitted" });
    expectShared(await ownPages(engineer.id), review.id);
  });

  test("on a date: nothing of the review before that day, all of it from that day on; the manager reads it throughout", async () => {
    const sharedOn = new Date(Date.now() + 2 * DAY);
    const { engineer, manager, cycle, review } = await bothSubmitted({
      reviewsShared: "on-date",
      reviewsSharedOn: sharedOn,
    });
    const before = await ownPages(engineer.id);
    expectWithheld(before, review.id);
    expect(before.growth.reviewsWaiting).toEqual([
      { cycleName: "Spring 2026", moment: "onDate", day: sharedOn },
    ]);
    expect(await reviewPage(engineer.id, review.id)).toBe(404);
    const managersView = await growth(manager.id, engineer.id);
    expect(managersView.sideBySide?.manager.summary).toBe(SUMMARY);

    await db.reviewCycle.update({
      where: { id: cycle.id },
      data: { reviewsSharedOn: new Date(Date.now() - DAY) },
    });
    expectShared(await ownPages(engineer.id), review.id);
    expect(await reviewPage(engineer.id, review.id)).toBe(200);
  });

  test("after calibration's release: nothing of the review until the person's outcome is released to them", async () => {
    const { engineer, manager, vp, cycle, review } = await bothSubmitted({
      reviewsShared: "after-release",
    });
    const session = await db.calibrationSession.create({
      data: {
        name: "Spring calibration",
        cycleId: cycle.id,
        facilitatorId: vp.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId: await engineeringVersionId(),
        groupFloor: 4,
      },
    });
    const entry = await db.calibrationEntry.create({
      data: { sessionId: session.id, personId: engineer.id, managerId: manager.id },
    });
    const before = await ownPages(engineer.id);
    expectWithheld(before, review.id);
    expect(before.growth.reviewsWaiting).toEqual([
      { cycleName: "Spring 2026", moment: "afterRelease", day: null },
    ]);
    // The moment is worded in the reader's language, not in the module's English.
    const german = i18nFor("de").getFixedT("de", "growth")("overview.sideBySide.shared", {
      cycle: "Frühjahr 2026",
      ...before.growth.reviewsWaiting[0],
    });
    expect(german).toBe(
      "Das Review Ihrer Führungskraft in Frühjahr 2026 wird mit Ihnen geteilt, sobald Ihr Kalibrierungsergebnis für Sie freigegeben ist.",
    );
    expect(await reviewPage(engineer.id, review.id)).toBe(404);

    await db.calibrationEntry.update({ where: { id: entry.id }, data: { released: true } });
    expectShared(await ownPages(engineer.id), review.id);
    expect(await reviewPage(engineer.id, review.id)).toBe(200);
  });

  test("whatever the cycle chose, never before the person's own self-assessment is in", async () => {
    const { engineer, review } = await bothSubmitted({
      reviewsShared: "on-date",
      reviewsSharedOn: new Date(Date.now() - DAY),
    });
    await db.assessment.updateMany({
      where: { subjectId: engineer.id, kind: "self" },
      data: { status: "draft", submittedAt: null },
    });
    const pages = await ownPages(engineer.id);
    expect(pages.gap.sources.manager).toBeNull();
    expect(pages.growth.latestManager).toBeNull();
    // Nothing is waiting on the cycle: it waits on their own self-assessment.
    expect(pages.growth.reviewsWaiting).toEqual([]);
    expect(JSON.stringify(pages)).not.toContain(SUMMARY);
    expect(await reviewPage(engineer.id, review.id)).toBe(404);
  });
});
