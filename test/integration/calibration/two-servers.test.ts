import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { advanceSession, createSession, saveProposal } from "~/modules/calibration/sessions.server";
import { postgresPoolerUrl, provider } from "../../setup/databases";
import { createAdmin, createPerson } from "../../utils/factories";
import { startTcpProxy, type TcpProxy } from "../../utils/tcp-proxy";
import {
  ensureBuild,
  freePort,
  startAppServer,
  waitForEvent,
  type AppServer,
} from "../../../scripts/app-servers";

// Several app servers share one database only on PostgreSQL (SQLite is one server's own file),
// so this runs in the PostgreSQL run of the suite: `npm run test:postgres`. There the pages'
// connections go through PgBouncer in transaction mode (DATABASE_URL) and the servers listen on
// the database itself (DATABASE_DIRECT_URL), as a large installation runs (decision 102).
describe.runIf(provider === "postgresql")("live updates across app servers", () => {
  let servers: AppServer[] = [];
  // The second server's session connections (its LISTEN) pass through a relay the test can cut.
  let relay: TcpProxy;
  let healthPort: number;
  beforeAll(async () => {
    ensureBuild();
    const direct = new URL(process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL!);
    relay = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    healthPort = await freePort();
    servers = await Promise.all([
      startAppServer(process.env.DATABASE_URL!),
      startAppServer(process.env.DATABASE_URL!, {
        env: {
          DATABASE_DIRECT_URL: relay.urlFor(direct.toString()),
          HEALTH_PORT: String(healthPort),
          WEB_CONCURRENCY: "2",
        },
      }),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await relay?.close();
  });

  const cookie = async (userId: string) => (await startSession(userId)).split(";")[0]!;

  /** A live calibration session with one entry, Lena's, proposed by her manager Sam. */
  async function liveSession() {
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
    return { sessionId, entryId: entry.id, facilitator, sam };
  }

  /** The facilitator records Lena's final rating through `server`'s page, as the form posts it (a reason when it differs from the proposal). */
  async function recordFinal(
    server: AppServer,
    live: Awaited<ReturnType<typeof liveSession>>,
    rating: number,
    reason = "",
  ) {
    const { revision } = await db.calibrationEntry.findUniqueOrThrow({
      where: { id: live.entryId },
      select: { revision: true },
    });
    const posted = await fetch(
      `${server.url}/calibration/${live.sessionId}/entries/${live.entryId}`,
      {
        method: "POST",
        headers: {
          Cookie: await cookie(live.facilitator.id),
          Origin: server.url,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          intent: "final",
          rating: String(rating),
          outcome: "stay",
          text: reason,
          revision: String(revision),
        }),
        redirect: "manual",
      },
    );
    expect(posted.status).toBe(302);
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: live.entryId } })).finalRating,
    ).toBe(rating);
  }

  async function watch(server: AppServer, live: Awaited<ReturnType<typeof liveSession>>) {
    const stream = await fetch(`${server.url}/calibration/${live.sessionId}/events`, {
      headers: { Cookie: await cookie(live.sam.id) },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await waitForEvent(reader, "retry:", 5_000);
    return reader;
  }

  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test("a change made through one server reaches a viewer of the session on the other", async () => {
    // When the run has a pooler, the servers' pages go through it.
    if (postgresPoolerUrl)
      expect(new URL(process.env.DATABASE_URL!).port).toBe(new URL(postgresPoolerUrl).port);
    const [first, second] = servers as [AppServer, AppServer];
    const live = await liveSession();

    // Sam watches the session on the second server; the facilitator records Lena's outcome through the first.
    const reader = await watch(second, live);
    await recordFinal(first, live, 3);
    // Within a second of the write (the bench measures how quickly: scripts/bench.ts).
    await waitForEvent(reader, "event: change", 1_000);
    await reader.cancel();

    // Someone outside the session gets the same 404 from either server.
    const stranger = await createPerson({ name: "Stranger" });
    for (const server of servers)
      expect(
        (
          await fetch(`${server.url}/calibration/${live.sessionId}/events`, {
            headers: { Cookie: await cookie(stranger.id) },
          })
        ).status,
      ).toBe(404);
  });

  test("a server whose listening connection is cut reports it on its health check, connects again, and its viewers catch up without a reload", async () => {
    const [first, second] = servers as [AppServer, AppServer];
    const live = await liveSession();
    const reader = await watch(second, live);
    // Everything the stream says from here on, as it arrives.
    let said = "";
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        said += decoder.decode(chunk.value, { stream: true });
      }
    })().catch(() => undefined);
    const changes = () => said.split("event: change").length - 1;
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });

    // The database (or the pooler in front of it) goes away from the second server's sessions:
    // its health check says so, and still answers 200 (its pages work).
    relay.cut();
    await vi.waitFor(
      async () =>
        expect(await health()).toMatchObject({
          status: 200,
          body: {
            status: "ok",
            liveUpdates: { listening: false, downSince: expect.any(String) },
          },
        }),
      { timeout: 5_000, interval: 50 },
    );

    // A change made meanwhile through the first server is not heard on the second...
    await recordFinal(first, live, 2, "Led the migration in the spring");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(changes()).toBe(0);

    // ...until its listener is back: then the open stream is told to reload, without a reconnect.
    relay.restore();
    await vi.waitFor(() => expect(changes()).toBe(1), { timeout: 5_000, interval: 50 });
    await vi.waitFor(
      async () => expect(await health()).toEqual({ status: 200, body: { status: "ok" } }),
      { timeout: 5_000, interval: 50 },
    );

    // Later changes arrive as before, within a second.
    await recordFinal(first, live, 3);
    await vi.waitFor(() => expect(changes()).toBe(2), { timeout: 1_000, interval: 20 });
    await reader.cancel();
  });
});
