import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { advanceSession, createSession, saveProposal } from "~/modules/calibration/sessions.server";
import { provider } from "../../setup/databases";
import { createAdmin, createPerson } from "../../utils/factories";
import {
  ensureBuild,
  startAppServer,
  waitForEvent,
  type AppServer,
} from "../../../scripts/app-servers";

// Several app servers share one database only on PostgreSQL (SQLite is one server's own file),
// so this runs in the PostgreSQL run of the suite: `npm run test:postgres`.
describe.runIf(provider === "postgresql")("live updates across app servers", () => {
  let servers: AppServer[] = [];
  beforeAll(async () => {
    ensureBuild();
    servers = await Promise.all([
      startAppServer(process.env.DATABASE_URL!),
      startAppServer(process.env.DATABASE_URL!),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  test("a change made through one server reaches a viewer of the session on the other", async () => {
    const [first, second] = servers as [AppServer, AppServer];
    const admin = await createAdmin({ name: "Ada Admin" });
    const facilitator = await createPerson({ name: "Fay Facilitator" });
    const sam = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: sam.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const created = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring calibration",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: facilitator.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const sessionId = created.sessionId;
    const asFacilitator = { ...facilitator, isHiringAdmin: false };
    await advanceSession(asFacilitator, sessionId, "proposals");
    const entry = await db.calibrationEntry.findFirstOrThrow({
      where: { sessionId, personId: lena.id },
      select: { id: true },
    });
    expect(
      await saveProposal({ ...sam, isHiringAdmin: false }, entry.id, {
        rating: 3,
        outcome: "stay",
        text: "",
      }),
    ).toEqual({ ok: true });
    await advanceSession(asFacilitator, sessionId, "live");
    const cookie = async (userId: string) => (await startSession(userId)).split(";")[0]!;

    // Sam watches the session on the second server.
    const stream = await fetch(`${second.url}/calibration/${sessionId}/events`, {
      headers: { Cookie: await cookie(sam.id) },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await waitForEvent(reader, "retry:", 5_000);

    // The facilitator records Lena's outcome through the first.
    const posted = await fetch(`${first.url}/calibration/${sessionId}/entries/${entry.id}`, {
      method: "POST",
      headers: {
        Cookie: await cookie(facilitator.id),
        Origin: first.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        intent: "final",
        rating: "3",
        outcome: "stay",
        text: "",
        revision: "1",
      }),
      redirect: "manual",
    });
    expect(posted.status).toBe(302);
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entry.id } })).finalRating,
    ).toBe(3);
    // The bench measures how quickly (scripts/bench.ts); here it must simply arrive.
    await waitForEvent(reader, "event: change", 5_000);
    await reader.cancel();

    // Someone outside the session gets the same 404 from either server.
    const stranger = await createPerson({ name: "Stranger" });
    for (const server of servers)
      expect(
        (
          await fetch(`${server.url}/calibration/${sessionId}/events`, {
            headers: { Cookie: await cookie(stranger.id) },
          })
        ).status,
      ).toBe(404);
  });
});
