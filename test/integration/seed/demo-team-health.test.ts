import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { teamResults } from "~/modules/team-health/team-health.server";
import { seedDemo } from "../../../prisma/seed/demo";

test("the demo has three team health check-ins over two quarters for two teams, one action done", async () => {
  await seedDemo();
  const checkIns = await db.teamHealthCheckIn.findMany({
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
  const latest = await teamResults(admin, checkIns[2]!.id, checkout.id);
  expect(latest.trend.map((row) => row.score !== null)).toEqual([true, true, true]);
  // Seeding again adds nothing.
  await seedDemo();
  expect(await db.teamHealthCheckIn.count()).toBe(3);
});
