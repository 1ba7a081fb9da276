import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { accessAuditView } from "~/modules/access-audit/access-audit.server";
import { seedDemo } from "../../../prisma/seed/demo";

test("the demo organisation's access audit, the day after seeding: who saw and applied, who interviews and who is trained to, across the organisation, small groups left out", async () => {
  await seedDemo();
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "priya.raman@example.com" },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const view = await accessAuditView(admin, { now: new Date(Date.now() + 24 * 60 * 60 * 1000) });
  const opportunities = view.audits.find((entry) => entry.id === "opportunities")!.audit;
  const sawApplied = opportunities.total.steps?.find(
    (step) => step.from === "saw" && step.to === "applied",
  );
  expect(sawApplied?.n).toBeGreaterThan(10);
  // One person applied: "1 of n" is within the floor of nobody, so it is shown as a band, never the count (decision 105).
  expect(sawApplied).toMatchObject({ successes: null, band: { low: 0, high: 3 }, rate: null });
  expect(opportunities.dimensions.some((dimension) => dimension.smallGroupsLeftOut)).toBe(true);
  const sponsorship = view.audits.find((entry) => entry.id === "sponsorship")!.audit;
  // Everyone known at once is counted; people who joined later in fewer than the floor's number wait for others.
  expect(sponsorship.total.steps?.[0]?.n).toBeGreaterThan(40);
  expect(sponsorship.total.steps?.[0]?.n).toBeLessThanOrEqual(
    await db.user.count({ where: { deactivatedAt: null } }),
  );
  // The demo's panels and training, all recorded when it was seeded: everyone staffed on a loop interviews; thirteen people are on the path, eleven qualified for a stage.
  const interviewers = new Set(
    (await db.hiringInterview.findMany({ select: { interviewerId: true } })).map(
      (row) => row.interviewerId,
    ),
  );
  expect(interviewers.size).toBeGreaterThanOrEqual(4);
  expect(
    view.audits.find((entry) => entry.id === "interviewing")!.audit.total.steps?.[0]?.successes,
  ).toBe(interviewers.size);
  const training = view.audits.find((entry) => entry.id === "interviewerTraining")!.audit.total
    .steps;
  expect(training?.find((step) => step.to === "training")?.successes).toBe(13);
  expect(
    training?.find((step) => step.from === "eligible" && step.to === "qualified")?.successes,
  ).toBe(11);
});
