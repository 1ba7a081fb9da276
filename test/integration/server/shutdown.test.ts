import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { advanceSession, createSession } from "~/modules/calibration/sessions.server";
import { createAdmin, createPerson } from "../../utils/factories";
import {
  ensureBuild,
  startAppServer,
  waitForEvent,
  type AppServer,
} from "../../../scripts/app-servers";
import { serverNodeFlags } from "../../../scripts/serve-flags.mjs";

/**
 * An operator's SIGTERM (a deploy, a scale-down): the app process stops accepting, ends its open
 * event streams, finishes what is in flight and exits within 10 seconds (server/shutdown.ts),
 * rather than waiting on a calibration viewer's stream until the orchestrator's SIGKILL.
 */
describe("stopping the app server", () => {
  let server: AppServer | null = null;
  beforeAll(async () => {
    ensureBuild();
    server = await startAppServer(process.env.DATABASE_URL!);
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
  });

  test("the server runs with the Node flags `npm run serve` gives it: AsyncContextFrame on Node 22 (decision 156)", () => {
    expect(serverNodeFlags("22.22.0")).toEqual(["--experimental-async-context-frame"]);
    expect(serverNodeFlags("24.11.1")).toEqual([]);
    const serve: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.serve;
    expect(serve).toContain("node $(node scripts/serve-flags.mjs) build/start/index.js");
    // The process the tests and the bench serve from (exec'd by its shell): Node, its flags, the bundle.
    const command = readFileSync(`/proc/${server!.pid}/cmdline`, "utf8")
      .split("\0")
      .filter(Boolean);
    expect(command.slice(1)).toEqual([...serverNodeFlags(), "build/start/index.js"]);
  });

  test("SIGTERM with a calibration event stream open: the stream ends and the process exits within 10 seconds", async () => {
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
    await advanceSession({ ...facilitator, isHiringAdmin: false }, created.sessionId, "proposals");
    const cookie = (await startSession(sam.id)).split(";")[0]!;

    const stream = await fetch(`${server!.url}/calibration/${created.sessionId}/events`, {
      headers: { Cookie: cookie },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await waitForEvent(reader, "retry:", 5_000);

    // The server's clock holds its jobs' leases (the hourly promotions job took its lease at start).
    const held = await db.clockLease.findMany({ where: { expiresAt: { gt: new Date() } } });
    expect(held.map((lease) => lease.name)).toContain("apply due promotions");

    const started = Date.now();
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return Date.now() - started;
    })().catch(() => Date.now() - started);
    await server!.stop();
    const stoppedIn = Date.now() - started;
    expect(stoppedIn).toBeLessThan(10_000);
    expect(await ended).toBeLessThan(10_000);
    // Nothing listens any more.
    await expect(fetch(`${server!.url}/status`)).rejects.toThrow();
    // And it gave its leases back, so the next server runs the hourly jobs now, not in two hours.
    expect(
      await db.clockLease.count({
        where: { holder: { in: held.map((lease) => lease.holder) }, expiresAt: { gt: new Date() } },
      }),
    ).toBe(0);
  }, 30_000);
});
