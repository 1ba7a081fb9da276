import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { DEMO_SESSION_NAME } from "../../../prisma/seed/demo-calibration";
import { seedDemo } from "../../../prisma/seed/demo";

describe("the demo organisation", () => {
  test("includes a calibration session ready to explore: proposals open, some made, some still to come; seeding again changes nothing", async () => {
    await seedDemo();
    const session = await db.calibrationSession.findFirstOrThrow({
      where: { name: DEMO_SESSION_NAME },
      select: { id: true, state: true, secondDimension: true, facilitator: { select: { email: true } }, _count: { select: { entries: true } } },
    });
    expect(session).toMatchObject({ state: "proposals", secondDimension: "Potential", facilitator: { email: "priya.raman@example.com" } });
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId: session.id },
      select: { proposedRating: true, proposedSecond: true, managerReviewId: true, manager: { select: { email: true } } },
    });
    // Mei Tanaka's whole organisation, each with the reviews of the cycle behind the session.
    expect(entries.length).toBeGreaterThan(15);
    expect(entries.every((entry) => entry.managerReviewId !== null)).toBe(true);
    const proposed = entries.filter((entry) => entry.proposedRating !== null);
    expect(proposed.length).toBeGreaterThan(5);
    expect(proposed.every((entry) => entry.proposedSecond !== null)).toBe(true);
    expect(entries.filter((entry) => entry.manager?.email === "sofia.alvarez@example.com").every((entry) => entry.proposedRating === null)).toBe(true);
    await seedDemo();
    expect(await db.calibrationSession.count({ where: { name: DEMO_SESSION_NAME } })).toBe(1);
    expect(await db.reviewCycle.count()).toBe(1);
  });
});
