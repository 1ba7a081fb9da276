import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as insightsRoute from "~/routes/insights._index";
import { seedDemo } from "../../../prisma/seed/demo";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

test("the demo organisation has a past: organisation insights draw curves with medians, and seeding again adds nothing", async () => {
  await seedDemo();
  const changes = await db.levelChange.count();
  expect(changes).toBeGreaterThan(10);
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "priya.raman@example.com" },
    select: { id: true },
  });
  const view = await insightsRoute.loader(routeArgs(await signedInRequest("/insights", admin.id)));
  const levels = view.timeInLevel.flatMap((track) => track.levels);
  expect(
    levels.some(
      (level) => !level.suppressed && (level.promotions ?? 0) > 0 && level.median !== null,
    ),
  ).toBe(true);
  await seedDemo();
  expect(await db.levelChange.count()).toBe(changes);
});
