import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { teamResults } from "~/modules/team-health/team-health.server";
import { seedDemo } from "../../../prisma/seed/demo";

test("the demo has three team health check-ins over two quarters for two teams, one action done", async () => {
  await seedDemo();
  // Open for days; the demo's live check-in (decision 112) is the test below.
  const checkIns = await db.teamHealthCheckIn.findMany({
    where: { liveCode: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, teams: { select: { teamId: true } } },
  });
  expect(checkIns).toHaveLength(3);
  expect(checkIns.every((checkIn) => checkIn.teams.length === 2)).toBe(true);
  const span = checkIns.at(-1)!.createdAt.getTime() - checkIns[0]!.createdAt.getTime();
  expect(span).toBeGreaterThan(90 * 24 * 60 * 60 * 1000);
  expect(await db.teamHealthAction.count({ where: { doneAt: { not: null } } })).toBe(1);
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "priya.raman@example.com" },
    select: { id: true, isAdmin: true },
  });
  const checkout = await db.team.findUniqueOrThrow({ where: { name: "Checkout" } });
  const second = await teamResults(admin, checkIns[1]!.id, checkout.id);
  expect(second.helped).not.toBeNull();
  expect(second.change).not.toBeNull();
  // The organisation's own item (decision 123), asked from the second check-in on, shown per item.
  expect(
    second.items.filter((row) => row.item.startsWith("own-") && row.figures).map((row) => row.item),
  ).toHaveLength(1);
  const latest = await teamResults(admin, checkIns[2]!.id, checkout.id);
  expect(latest.trend.map((row) => row.score !== null)).toEqual([true, true, true]);
  // Seeding again adds nothing.
  await seedDemo();
  expect(await db.teamHealthCheckIn.count({ where: { liveCode: null } })).toBe(3);
  expect(await db.teamHealthItem.count()).toBe(1);
});

test("the demo has a live check-in from Identity's retro, closed, with one whole batch shown", async () => {
  await seedDemo();
  const live = await db.teamHealthCheckIn.findMany({
    where: { liveCode: { not: null } },
    select: { id: true, closedAt: true, teams: { select: { teamId: true } } },
  });
  expect(live).toHaveLength(1);
  expect(live[0]!.closedAt).not.toBeNull();
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "priya.raman@example.com" },
    select: { id: true, isAdmin: true },
  });
  const results = await teamResults(admin, live[0]!.id, live[0]!.teams[0]!.teamId);
  expect(results.team).toBe("Identity");
  expect(results.answers).toBe(4);
  expect(results.items.every((row) => row.figures !== null)).toBe(true);
});
