import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { promotionProcess } from "~/modules/promotions/process.server";
import { seedDemo } from "../../../prisma/seed/demo";
import { DEMO_CLOSED_WINDOW, DEMO_OPEN_WINDOW } from "../../../prisma/seed/demo-promotions";
import { DEMO_PROMOTION_IDS } from "../../../prisma/seed/demo-promotion-committee";

test("the demo organisation has a promotion window in progress (self, manager and sponsor nominations) and a closed one whose outcomes everyone reads; seeding again changes nothing", async () => {
  await seedDemo();
  await seedDemo();
  // The demo also has a window at its committee's votes (prisma/seed/demo-promotion-committee.ts, its own test).
  const windows = await db.promotionWindow.findMany({
    where: { name: { in: [DEMO_CLOSED_WINDOW, DEMO_OPEN_WINDOW] } },
    select: { name: true, state: true, nominations: { select: { kind: true } } },
    orderBy: { name: "asc" },
  });
  expect(
    windows.map((window) => ({
      name: window.name,
      state: window.state,
      kinds: window.nominations.map((row) => row.kind).sort(),
    })),
  ).toEqual([
    {
      name: DEMO_CLOSED_WINDOW,
      state: "closed",
      kinds: ["manager", "manager", "manager", "manager", "self", "self", "self", "self"],
    },
    { name: DEMO_OPEN_WINDOW, state: "open", kinds: ["manager", "self", "sponsor"] },
  ]);
  const process = await promotionProcess();
  expect(
    process.windows.find((window) => window.name === DEMO_CLOSED_WINDOW)?.outcome,
  ).toMatchObject({ nominated: 8, promoted: 4, notYet: 4 });
  expect(process.windows.find((window) => window.name === DEMO_OPEN_WINDOW)?.outcome).toBeNull();
  // The ladder is decided in calibration, and the page says so beside the three windows whose
  // committees still decide their nominations (two take nominations, one is at its votes).
  expect(process.ladders.find((ladder) => ladder.id === "engineering")).toMatchObject({
    mode: "calibration",
    windowsStillDeciding: 3,
  });

  // The committee meets on a working day.
  const { meetingStartsAt } = await db.promotionWindow.findUniqueOrThrow({
    where: { id: DEMO_PROMOTION_IDS.autumn },
    select: { meetingStartsAt: true },
  });
  expect([1, 2, 3, 4, 5]).toContain(meetingStartsAt!.getUTCDay());

  // Every closed window closed as the rule asks: after its chair opened its audit.
  const closed = await db.promotionWindow.findMany({
    where: { state: "closed" },
    select: {
      id: true,
      closedAt: true,
      members: { where: { role: "chair" }, select: { personId: true } },
    },
  });
  expect(closed.length).toBeGreaterThanOrEqual(2);
  for (const window of closed) {
    const opened = await db.promotionEvent.findMany({
      where: { windowId: window.id, kind: "audit-opened" },
      select: { actorId: true, createdAt: true },
    });
    expect(opened.map((event) => event.actorId)).toEqual(
      window.members.map((member) => member.personId),
    );
    expect(opened[0]!.createdAt.getTime()).toBeLessThan(window.closedAt!.getTime());
  }
});
