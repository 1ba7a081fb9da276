import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  DEMO_PRODUCT_SESSION_NAME,
  DEMO_SESSION_NAME,
} from "../../../prisma/seed/demo-calibration";
import { seedDemo } from "../../../prisma/seed/demo";
import { DEMO_API_TOKEN_NAME, DEMO_PERSON_TOKEN_NAME } from "../../../prisma/seed/demo-api";
import { seedReviewHistory } from "../../../prisma/seed/review-history";

/** How many closed cycles each active person with a level is in, by email. */
async function closedCyclesByEmail(): Promise<Map<string, number>> {
  const people = await db.user.findMany({
    where: { deactivatedAt: null, level: { not: null } },
    select: {
      email: true,
      _count: {
        select: { cycleParticipations: { where: { cycle: { closedAt: { not: null } } } } },
      },
    },
  });
  return new Map(people.map((person) => [person.email, person._count.cycleParticipations]));
}

describe("the demo organisation", () => {
  test("has open stretch opportunities, one with interest to choose from, and sponsorships; seeding again adds none", async () => {
    await seedDemo();
    const open = await db.opportunity.findMany({
      where: { status: "open" },
      select: {
        title: true,
        poster: { select: { email: true } },
        _count: { select: { interests: true } },
      },
      orderBy: { title: "asc" },
    });
    expect(open.map((row) => [row.title, row.poster.email, row._count.interests])).toEqual([
      ["Rebuild the Checkout test harness", "sam.okafor@example.com", 1],
      ["Review the payments architecture proposal", "ines.duarte@example.com", 0],
      ["Six weeks on the Infrastructure on-call rotation", "sam.okafor@example.com", 0],
    ]);
    const sponsorships = await db.sponsorship.findMany({
      orderBy: { target: "asc" },
      select: {
        advocacy: true,
        target: true,
        sponsor: { select: { email: true } },
        sponsee: { select: { email: true } },
      },
    });
    expect(sponsorships).toEqual([
      {
        advocacy: "level",
        target: "ic5",
        sponsor: { email: "ines.duarte@example.com" },
        sponsee: { email: "ravi.iyer@example.com" },
      },
      // Kwame nominates Henrik in the open promotion window as his sponsor, so he sponsors him.
      {
        advocacy: "level",
        target: "tl2",
        sponsor: { email: "kwame.boateng@example.com" },
        sponsee: { email: "henrik.sorensen@example.com" },
      },
    ]);
    await seedDemo();
    expect(await db.opportunity.count()).toBe(3);
    expect(await db.sponsorship.count()).toBe(2);
  });

  test("includes a calibration session ready to explore: proposals open, some made, some still to come; seeding again changes nothing", async () => {
    await seedDemo();
    const session = await db.calibrationSession.findFirstOrThrow({
      where: { name: DEMO_SESSION_NAME },
      select: {
        id: true,
        state: true,
        secondDimension: true,
        facilitator: { select: { email: true } },
        _count: { select: { entries: true } },
      },
    });
    expect(session).toMatchObject({
      state: "proposals",
      secondDimension: "Potential",
      facilitator: { email: "priya.raman@example.com" },
    });
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId: session.id },
      select: {
        proposedRating: true,
        proposedSecond: true,
        managerReviewId: true,
        manager: { select: { email: true } },
      },
    });
    // Mei Tanaka's whole organisation, each with the reviews of the cycle behind the session.
    expect(entries.length).toBeGreaterThan(15);
    expect(entries.every((entry) => entry.managerReviewId !== null)).toBe(true);
    const proposed = entries.filter((entry) => entry.proposedRating !== null);
    expect(proposed.length).toBeGreaterThan(5);
    expect(proposed.every((entry) => entry.proposedSecond !== null)).toBe(true);
    expect(
      entries
        .filter((entry) => entry.manager?.email === "sofia.alvarez@example.com")
        .every((entry) => entry.proposedRating === null),
    ).toBe(true);
    await seedDemo();
    expect(await db.calibrationSession.count({ where: { name: DEMO_SESSION_NAME } })).toBe(1);
    expect(await db.reviewCycle.count()).toBe(1);
    // The admins' API page shows a dashboard's token, issued by Priya Raman with read scopes only.
    expect(
      await db.apiToken.findMany({
        where: { name: DEMO_API_TOKEN_NAME },
        select: { scopes: true, person: { select: { email: true } } },
      }),
    ).toEqual([
      {
        scopes: "people:read outcomes:read aggregates:read",
        person: { email: "priya.raman@example.com" },
      },
    ]);
    // Sam Okafor's account page shows his own token, reading what his pages show him, once however often the demo is seeded.
    expect(
      await db.apiToken.findMany({
        where: { name: DEMO_PERSON_TOKEN_NAME },
        select: { reach: true, scopes: true, person: { select: { email: true } } },
      }),
    ).toEqual([
      {
        reach: "person",
        scopes: "people:read outcomes:read",
        person: { email: "sam.okafor@example.com" },
      },
    ]);
  });

  test("gives the README's manager a session to propose in: Daniel Osei's organisation, Sam Okafor invited, his reports' proposals still to make", async () => {
    await seedDemo();
    const session = await db.calibrationSession.findFirstOrThrow({
      where: { name: DEMO_PRODUCT_SESSION_NAME },
      select: {
        id: true,
        state: true,
        calibrators: { select: { user: { select: { email: true } } } },
      },
    });
    expect(session.state).toBe("proposals");
    expect(session.calibrators.map((calibrator) => calibrator.user.email)).toContain(
      "sam.okafor@example.com",
    );
    const sams = await db.calibrationEntry.findMany({
      where: { sessionId: session.id, manager: { email: "sam.okafor@example.com" } },
      select: { proposedRating: true, managerReviewId: true, person: { select: { email: true } } },
    });
    expect(sams.map((entry) => entry.person.email)).toContain("lena.fischer@example.com");
    expect(sams).toHaveLength(7);
    expect(
      sams.every((entry) => entry.proposedRating === null && entry.managerReviewId !== null),
    ).toBe(true);
    // Someone else in the session has proposed already, so the session's charts have something to show.
    expect(
      await db.calibrationEntry.count({
        where: { sessionId: session.id, proposedRating: { not: null } },
      }),
    ).toBeGreaterThan(3);
    await seedDemo();
    expect(await db.calibrationSession.count({ where: { name: DEMO_PRODUCT_SESSION_NAME } })).toBe(
      1,
    );
  });

  test("every person with a level is in the demo's past cycle, rated on their level's competencies only; adding two past cycles gives each of them two, whatever the demo already has", async () => {
    await seedDemo();
    const before = await closedCyclesByEmail();
    expect(before.size).toBe(57);
    expect([...before.values()].every((count) => count === 1)).toBe(true);
    // Lena is an Engineer II: technical direction applies from Senior Engineer on, so nobody rated her on it.
    expect(
      await db.assessmentRating.count({
        where: {
          competencyId: "technical-direction",
          assessment: { subject: { email: "lena.fischer@example.com" } },
        },
      }),
    ).toBe(0);
    expect(
      await db.assessmentRating.count({
        where: { assessment: { kind: "manager", subject: { email: "lena.fischer@example.com" } } },
      }),
    ).toBe(16);

    // A demo seeded before its cycle covered everyone: only part of the organisation is in it.
    const cycle = await db.reviewCycle.findFirstOrThrow({ select: { id: true, name: true } });
    const checkout = await db.user.findMany({
      where: { team: { name: "Checkout" } },
      select: { id: true },
    });
    const ids = checkout.map((person) => person.id);
    await db.$transaction([
      db.assessment.deleteMany({ where: { cycleId: cycle.id, subjectId: { in: ids } } }),
      db.reviewCycleParticipant.deleteMany({ where: { cycleId: cycle.id, userId: { in: ids } } }),
    ]);

    const summary = await seedReviewHistory({ cycles: 2 });
    expect(summary.cycles).toBe(1);
    expect(summary.completed).toEqual([{ name: cycle.name, joined: checkout.length }]);
    const after = await closedCyclesByEmail();
    expect([...after.entries()].filter(([, count]) => count !== 2)).toEqual([]);
    expect(
      await db.assessment.count({
        where: { cycleId: cycle.id, kind: "self", subject: { email: "lena.fischer@example.com" } },
      }),
    ).toBe(1);
    // Run again, nothing more: both cycles have everyone.
    const again = await seedReviewHistory({ cycles: 2 });
    expect(again).toMatchObject({ cycles: 0, completed: [] });
    expect(again.skipped).toHaveLength(2);
  });

  test("sets retention rules and one legal hold for the admin page to show; nobody has left, so the next pass removes nothing", async () => {
    await seedDemo();
    const { retentionPage } = await import("~/modules/retention/retention.server");
    const priya = await db.user.findUniqueOrThrow({
      where: { email: "priya.raman@example.com" },
      select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
    });
    const page = await retentionPage(priya);
    expect(page.rules).toMatchObject({
      privateNotes: 12,
      feedbackTexts: 3,
      leavers: 12,
      teamHealthAnswers: 24,
      othersTexts: "keep",
    });
    expect(page.holds.map((hold) => [hold.email, hold.setBy])).toEqual([
      ["patrick.doyle@example.com", "Priya Raman"],
    ]);
    expect(page.next).toEqual({
      privateNotes: 0,
      feedbackTexts: 0,
      candidates: 0,
      teamHealthAnswers: 0,
      leavers: 0,
    });
  });
});
