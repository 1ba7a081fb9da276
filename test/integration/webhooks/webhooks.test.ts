// Webhooks against a real HTTP receiver on a loopback port, each signature checked with the snippet docs/api-and-webhooks.md gives receivers.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import {
  advanceSession,
  applyDuePromotions,
  createSession,
  recordOutcome,
  releaseOutcome,
} from "~/modules/calibration/sessions.server";
import { closeCycle, openCycle } from "~/modules/cycles/cycles.server";
import { saveFeedbackSettings } from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import type { Viewer } from "~/modules/identity/policy";
import { importPeople } from "~/modules/people/import.server";
import { setPersonActive } from "~/modules/people/service.server";
import { MAX_ATTEMPTS } from "~/modules/webhooks/delivery";
import { deliverWebhooks } from "~/modules/webhooks/delivery.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { WEBHOOK_EVENT_KINDS } from "~/modules/webhooks/events";
import * as newPersonRoute from "~/routes/admin.people.new";
import * as logRoute from "~/routes/admin.webhooks.$endpointId";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { providerToken, scim } from "../scim/helpers";
import { addedOf } from "./added";

// The receivers of these tests listen on this machine (outside-only.test.ts runs without this).
vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
});

const MARKER = "HOOK-MARKER-5c1e";

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
type Verify = (
  secret: string,
  header: string | undefined,
  body: string,
  toleranceSeconds?: number,
  now?: number,
) => boolean;

/** The receiver answers each path as `answers` says (200 when it says nothing), after `delayMs`. */
let server: Server;
let base = "";
const received: Received[] = [];
const answers = new Map<string, () => number>();
let delayMs = 0;
let verifyRungsSignature: Verify;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      setTimeout(() => response.writeHead(answers.get(path)?.() ?? 200).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The docs' snippet (docs/api-and-webhooks.md, "Checking the signature"), as a receiver would copy it.
  const snippet = /```js\n(\/\/ verify-rungs-signature\.mjs[\s\S]*?)```/.exec(
    readFileSync("docs/api-and-webhooks.md", "utf8"),
  )?.[1];
  if (!snippet) throw new Error("docs/api-and-webhooks.md has no verification snippet.");
  const file = join(tmpdir(), `verify-rungs-signature-${process.pid}.mjs`);
  writeFileSync(file, snippet);
  try {
    ({ verifyRungsSignature } = (await import(/* @vite-ignore */ file)) as {
      verifyRungsSignature: Verify;
    });
  } finally {
    rmSync(file, { force: true });
  }
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const asViewer = (person: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}): Viewer => ({ ...person, isHiringAdmin: false });

/** Adds an endpoint through the admins' page, as a form with one box ticked per kind; returns its id and the secret shown once. */
async function addEndpoint(adminId: string, path: string, events: readonly string[]) {
  const form = new URLSearchParams([
    ["intent", "add"],
    ["url", `${base}${path}`],
    ...events.map((kind) => ["events", kind]),
  ]);
  const answer = await webhooksRoute.action(
    routeArgs(await signedInRequest("/admin/webhooks", adminId, { method: "POST", body: form })),
  );
  const added = await addedOf(answer, adminId);
  if (!added) throw new Error(JSON.stringify(answer));
  return added;
}

function at(path: string) {
  return received.filter((request) => request.path === path);
}

function parsed(request: Received) {
  return JSON.parse(request.body) as {
    id: string;
    type: string;
    occurredAt: string;
    data: Record<string, Record<string, unknown>>;
  };
}

describe("webhooks", () => {
  let admin: Awaited<ReturnType<typeof createAdmin>>;
  beforeAll(async () => {
    admin = await createAdmin({ name: `Ada ${MARKER}` });
  });
  afterEach(async () => {
    await db.webhookEndpoint.deleteMany();
    answers.clear();
  });

  test("every kind of event is delivered when it happens, signed as the docs' snippet checks, with no private text", async () => {
    const { id: endpointId, secret } = await addEndpoint(admin.id, "/all", WEBHOOK_EVENT_KINDS);
    // The secret is shown once: the page never carries it again.
    expect(
      JSON.stringify(
        await webhooksRoute.loader(routeArgs(await signedInRequest("/admin/webhooks", admin.id))),
      ),
    ).not.toContain(secret);
    expect(
      JSON.stringify(
        await logRoute.loader(
          routeArgs(await signedInRequest(`/admin/webhooks/${endpointId}`, admin.id), {
            endpointId,
          }),
        ),
      ),
    ).not.toContain(secret);

    const facilitator = await createPerson({
      name: `Fay ${MARKER}`,
      track: "manager",
      level: "m2",
    });
    const manager = await createPerson({ name: `Max ${MARKER}`, track: "manager", level: "m1" });
    const team = await db.team.create({ data: { name: `Ledger ${MARKER}` }, select: { id: true } });
    const lena = await createPerson({
      name: `Lena ${MARKER}`,
      email: `lena.${MARKER.toLowerCase()}@example.com`,
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      teamId: team.id,
    });

    const opened = await openCycle(admin.id, {
      name: `Spring ${MARKER}`,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      participants: "teams",
      teamIds: [team.id],
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    await saveFeedbackSettings(
      asViewer(admin),
      opened.cycleId,
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2026-06-30" }),
    );
    // Changing the settings later opens no second window.
    await saveFeedbackSettings(
      asViewer(admin),
      opened.cycleId,
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2026-07-31" }),
    );

    const session = await createSession(asViewer(admin), {
      name: `Calibration ${MARKER}`,
      cycleId: opened.cycleId,
      ladderId: "engineering",
      facilitatorEmail: facilitator.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
      scaleId: null,
      secondDimension: null,
    });
    if (!session.ok) throw new Error(JSON.stringify(session.fieldErrors));
    const entry = await db.calibrationEntry.findFirstOrThrow({
      where: { sessionId: session.sessionId, personId: lena.id },
      select: { id: true },
    });
    for (const state of ["proposals", "live"])
      await advanceSession(asViewer(facilitator), session.sessionId, state);
    await recordOutcome(asViewer(facilitator), entry.id, {
      rating: 4,
      outcome: "promote",
      levelId: "ic3",
      text: `Ready ${MARKER}.`,
      revision: 0,
    });
    await advanceSession(asViewer(facilitator), session.sessionId, "locked");
    const on = new Date("2026-07-01T08:00:00Z");
    await advanceSession(asViewer(facilitator), session.sessionId, "published", {
      effectiveOn: new Date("2026-07-01T00:00:00Z"),
      now: on,
    });
    await releaseOutcome(asViewer(manager), entry.id, undefined, on);
    await applyDuePromotions(on);
    expect((await closeCycle(admin.id, opened.cycleId)).ok).toBe(true);

    const joined = await newPersonRoute.action(
      routeArgs(
        await signedInPost("/admin/people/new", admin.id, {
          name: `Nia ${MARKER}`,
          email: `nia.${MARKER.toLowerCase()}@example.com`,
          track: "ic",
          level: "ic1",
        }),
      ),
    );
    expect(statusOf(joined)).toBe(302);
    const nia = await db.user.findFirstOrThrow({
      where: { name: `Nia ${MARKER}` },
      select: { id: true },
    });
    expect(await setPersonActive(admin.id, lena.id, false)).toEqual({ ok: true });

    // Nothing leaves before a delivery pass takes it.
    expect(at("/all")).toEqual([]);
    expect(await deliverWebhooks()).toEqual({ delivered: 7, retried: 0, failed: 0 });
    const requests = at("/all");
    // Each kind once; deliveries claimed together may arrive in any order (each carries when it occurred).
    expect(requests.map((request) => parsed(request).type).sort()).toEqual([
      "cycle.closed",
      "cycle.opened",
      "feedback.window_opened",
      "outcome.released",
      "person.joined",
      "person.left",
      "promotion.effective",
    ]);
    for (const request of requests) {
      const header = request.headers["rungs-signature"] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyRungsSignature(secret, header, request.body)).toBe(true);
      expect(verifyRungsSignature("whsec_not-the-secret", header, request.body)).toBe(false);
      expect(verifyRungsSignature(secret, header, request.body.replace("}", " }"))).toBe(false);
      // A delivery replayed ten minutes later is refused.
      expect(
        verifyRungsSignature(secret, header, request.body, 300, Date.now() + 10 * 60 * 1000),
      ).toBe(false);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["rungs-event"]).toBe(parsed(request).type);
      expect(request.headers["rungs-event-id"]).toBe(parsed(request).id);
      // No name, email, cycle or session name, or outcome's reason: the marker is in each of them.
      expect(request.body.toLowerCase()).not.toContain(MARKER.toLowerCase());
      expect(JSON.stringify(request.headers).toLowerCase()).not.toContain(MARKER.toLowerCase());
    }
    const data = Object.fromEntries(
      requests.map((request) => [parsed(request).type, parsed(request).data]),
    );
    expect(data["cycle.opened"]).toEqual({
      cycle: { id: opened.cycleId, startsOn: "2026-01-01", endsOn: "2026-12-31" },
    });
    expect(data["feedback.window_opened"]).toEqual({
      cycle: { id: opened.cycleId },
      feedback: { peer: true, upward: false, dueOn: "2026-06-30" },
    });
    expect(data["outcome.released"]).toEqual({
      outcome: {
        id: entry.id,
        calibrationSessionId: session.sessionId,
        cycleId: opened.cycleId,
        personId: lena.id,
        outcome: "promote",
        level: "ic3",
      },
    });
    expect(data["promotion.effective"]).toEqual({
      promotion: {
        personId: lena.id,
        effectiveAt: on.toISOString(),
        calibrationSessionId: session.sessionId,
        from: { track: "ic", level: "ic2" },
        to: { track: "ic", level: "ic3" },
      },
    });
    expect(data["cycle.closed"]).toEqual({
      cycle: { id: opened.cycleId, closedAt: expect.stringMatching(/^\d{4}-/) },
    });
    expect(data["person.joined"]).toEqual({ person: { id: nia.id, via: "created" } });
    expect(data["person.left"]).toEqual({
      person: { id: lena.id, leftAt: expect.stringMatching(/^\d{4}-/) },
    });

    // Delivered once: another pass finds nothing owed.
    expect(await deliverWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    const log = bodyOf<Awaited<ReturnType<typeof logRoute.loader>>>(
      await logRoute.loader(
        routeArgs(await signedInRequest(`/admin/webhooks/${endpointId}`, admin.id), { endpointId }),
      ),
    );
    expect(log.counts).toEqual({ queued: 0, delivered: 7, failed: 0 });
  });

  test("people join and leave by every way in: the CSV import, SCIM, and an admin reactivating someone", async () => {
    const { secret } = await addEndpoint(admin.id, "/people", ["person.joined", "person.left"]);
    const mark = MARKER.toLowerCase();
    expect(
      (
        await importPeople(
          `name,email\nIda ${MARKER},ida.${mark}@example.com\nIan ${MARKER},ian.${mark}@example.com\n`,
          { actorId: admin.id, dryRun: false },
        )
      ).ok,
    ).toBe(true);
    const token = await providerToken();
    const scimUser = (userName: string, active: boolean) => ({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName,
      name: { givenName: MARKER, familyName: "Test" },
      active,
    });
    const sia = await scim(token, "POST", "/Users", scimUser(`sia.${mark}@example.com`, true));
    // Provisioned inactive: not joined until the provider activates them.
    const sid = await scim(token, "POST", "/Users", scimUser(`sid.${mark}@example.com`, false));
    expect([sia.status, sid.status]).toEqual([201, 201]);
    expect(
      (
        await scim(token, "PATCH", `/Users/${sid.body.id}`, {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "replace", value: { active: true } }],
        })
      ).status,
    ).toBe(200);
    expect((await scim(token, "DELETE", `/Users/${sia.body.id}`)).status).toBe(204);
    expect(await setPersonActive(admin.id, sia.body.id, true)).toEqual({ ok: true });

    expect(await deliverWebhooks()).toEqual({ delivered: 6, retried: 0, failed: 0 });
    const [ida, ian] = await Promise.all(
      ["ida", "ian"].map((name) =>
        db.user.findUniqueOrThrow({
          where: { email: `${name}.${mark}@example.com` },
          select: { id: true },
        }),
      ),
    );
    // Six events, each once, whatever order a batch arrives in.
    const people = at("/people").map((request) => [
      parsed(request).type,
      parsed(request).data.person,
    ]);
    expect(people).toHaveLength(6);
    expect(people).toEqual(
      expect.arrayContaining([
        ["person.joined", { id: ida!.id, via: "created" }],
        ["person.joined", { id: ian!.id, via: "created" }],
        ["person.joined", { id: sia.body.id, via: "created" }],
        ["person.joined", { id: sid.body.id, via: "reactivated" }],
        ["person.left", { id: sia.body.id, leftAt: expect.any(String) }],
        ["person.joined", { id: sia.body.id, via: "reactivated" }],
      ]),
    );
    for (const request of at("/people")) {
      expect(
        verifyRungsSignature(secret, request.headers["rungs-signature"] as string, request.body),
      ).toBe(true);
      expect(request.body.toLowerCase()).not.toContain(mark);
    }
  });

  test("the test button delivers a signed test event while the admin waits", async () => {
    const { id: endpointId, secret } = await addEndpoint(admin.id, "/test", ["person.left"]);
    const answer = bodyOf<{ test: { status: string } }>(
      await logRoute.action(
        routeArgs(
          await signedInPost(`/admin/webhooks/${endpointId}`, admin.id, { intent: "test" }),
          { endpointId },
        ),
      ),
    );
    expect(answer.test.status).toBe("delivered");
    const [request] = at("/test");
    expect(parsed(request!)).toEqual({
      id: expect.any(String),
      type: "webhook.test",
      occurredAt: expect.any(String),
      data: { endpoint: { id: endpointId } },
    });
    expect(
      verifyRungsSignature(secret, request!.headers["rungs-signature"] as string, request!.body),
    ).toBe(true);
  });

  test("a receiver that refuses the connection is logged as refused, never with the error's text", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    await db.webhookEndpoint.create({
      data: {
        id: "closed",
        url: closedUrl,
        secret: "s".repeat(32),
        events: JSON.stringify(["person.left"]),
        createdAt: new Date(),
      },
    });
    const answer = bodyOf<{ test: { status: string; failure: string | null } }>(
      await logRoute.action(
        routeArgs(await signedInPost("/admin/webhooks/closed", admin.id, { intent: "test" }), {
          endpointId: "closed",
        }),
      ),
    );
    expect(answer.test).toEqual({ status: "queued", lastStatus: null, failure: "refused" });
    expect(await db.webhookDelivery.findMany({ select: { lastError: true } })).toEqual([
      { lastError: "refused" },
    ]);
  });

  test("a receiver that fails first gets the retry with backoff; one that never answers 2xx ends failed in the log", async () => {
    const flaky = await addEndpoint(admin.id, "/flaky", ["person.left"]);
    const down = await addEndpoint(admin.id, "/down", ["person.left"]);
    let flakyCalls = 0;
    answers.set("/flaky", () => (++flakyCalls === 1 ? 500 : 204));
    answers.set("/down", () => 503);
    const leaving = await createPerson({ name: `Leo ${MARKER}` });
    expect(await setPersonActive(admin.id, leaving.id, false)).toEqual({ ok: true });

    const t0 = new Date(Date.now() + 60_000);
    const after = (ms: number) => () => new Date(t0.getTime() + ms);
    expect(await deliverWebhooks({ now: after(0) })).toEqual({
      delivered: 0,
      retried: 2,
      failed: 0,
    });
    // Not yet due: the first retry waits a minute.
    expect(await deliverWebhooks({ now: after(30_000) })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    const waiting = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: flaky.id },
      select: { status: true, attempts: true, lastStatus: true, nextAttemptAt: true },
    });
    expect(waiting).toEqual({
      status: "queued",
      attempts: 1,
      lastStatus: 500,
      nextAttemptAt: new Date(t0.getTime() + 60_000),
    });
    expect(await deliverWebhooks({ now: after(60_000) })).toEqual({
      delivered: 1,
      retried: 1,
      failed: 0,
    });
    const [first, second] = at("/flaky");
    // The same event both times, each attempt signed anew.
    expect(parsed(second!).id).toBe(parsed(first!).id);
    expect(
      verifyRungsSignature(
        flaky.secret,
        second!.headers["rungs-signature"] as string,
        second!.body,
        300,
        after(60_000)().getTime(),
      ),
    ).toBe(true);

    // The down receiver: two attempts so far; each next one waits twice as long, and the last fails it for good.
    let clock = 60_000;
    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      clock += Math.min(60_000 * 2 ** (attempt - 2), 6 * 60 * 60 * 1000);
      expect(await deliverWebhooks({ now: after(clock - 1) })).toEqual({
        delivered: 0,
        retried: 0,
        failed: 0,
      });
      expect(await deliverWebhooks({ now: after(clock) })).toEqual(
        attempt < MAX_ATTEMPTS
          ? { delivered: 0, retried: 1, failed: 0 }
          : { delivered: 0, retried: 0, failed: 1 },
      );
    }
    expect(at("/down")).toHaveLength(MAX_ATTEMPTS);
    expect(await deliverWebhooks({ now: after(clock + 7 * 24 * 60 * 60 * 1000) })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 0,
    });

    const log = bodyOf<Awaited<ReturnType<typeof logRoute.loader>>>(
      await logRoute.loader(
        routeArgs(await signedInRequest(`/admin/webhooks/${down.id}`, admin.id), {
          endpointId: down.id,
        }),
      ),
    );
    expect(log.counts).toEqual({ queued: 0, delivered: 0, failed: 1 });
    expect(log.deliveries).toEqual([
      expect.objectContaining({
        kind: "person.left",
        status: "failed",
        attempts: MAX_ATTEMPTS,
        lastStatus: 503,
        failure: null,
      }),
    ]);

    // Sent again by an admin: queued as new, and the receiver, now up, takes it.
    answers.delete("/down");
    await logRoute.action(
      routeArgs(
        await signedInPost(`/admin/webhooks/${down.id}`, admin.id, {
          intent: "redeliver",
          deliveryId: log.deliveries[0]!.id,
        }),
        { endpointId: down.id },
      ),
    );
    expect(await deliverWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
  });

  test("two delivery passes at once deliver each event once", async () => {
    await addEndpoint(admin.id, "/busy", ["person.joined"]);
    const people = await Promise.all(Array.from({ length: 12 }, () => createPerson()));
    await db.$transaction((tx) =>
      emitWebhookEvents(
        tx,
        people.map((person) => ({
          kind: "person.joined" as const,
          person: {
            id: person.id,
            name: person.name,
            email: person.email,
            via: "created" as const,
          },
        })),
      ),
    );
    delayMs = 40;
    const [a, b] = await Promise.all([
      deliverWebhooks({ worker: "server-a", batchSize: 2 }),
      deliverWebhooks({ worker: "server-b", batchSize: 2 }),
    ]);
    delayMs = 0;
    expect(a.delivered + b.delivered).toBe(12);
    expect(a.delivered).toBeGreaterThan(0);
    expect(b.delivered).toBeGreaterThan(0);
    const ids = at("/busy").map((request) => parsed(request).id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  test("anyone but an admin finds no webhooks pages (404), and a bad address changes nothing", async () => {
    const endpoint = await addEndpoint(admin.id, "/kept", ["cycle.opened"]);
    const manager = await createPerson();
    const engineer = await createPerson({ managerId: manager.id });
    for (const person of [engineer, manager]) {
      expect(
        statusOf(
          await thrown(async () =>
            webhooksRoute.loader(routeArgs(await signedInRequest("/admin/webhooks", person.id))),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await thrown(async () =>
            webhooksRoute.action(
              routeArgs(
                await signedInPost("/admin/webhooks", person.id, {
                  intent: "add",
                  url: `${base}/theirs`,
                  events: "cycle.opened",
                }),
              ),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await thrown(async () =>
            logRoute.loader(
              routeArgs(await signedInRequest(`/admin/webhooks/${endpoint.id}`, person.id), {
                endpointId: endpoint.id,
              }),
            ),
          ),
        ),
      ).toBe(404);
      for (const intent of ["test", "remove"]) {
        expect(
          statusOf(
            await thrown(async () =>
              logRoute.action(
                routeArgs(
                  await signedInPost(`/admin/webhooks/${endpoint.id}`, person.id, { intent }),
                  { endpointId: endpoint.id },
                ),
              ),
            ),
          ),
        ).toBe(404);
      }
    }
    expect(
      statusOf(
        await thrown(async () =>
          logRoute.loader(
            routeArgs(await signedInRequest("/admin/webhooks/no-such-endpoint", admin.id), {
              endpointId: "no-such-endpoint",
            }),
          ),
        ),
      ),
    ).toBe(404);
    for (const url of [
      "http://hooks.example.com/rungs",
      "not an address",
      "https://user:pass@hooks.example.com/",
    ]) {
      expect(
        statusOf(
          await webhooksRoute.action(
            routeArgs(
              await signedInPost("/admin/webhooks", admin.id, {
                intent: "add",
                url,
                events: "cycle.opened",
              }),
            ),
          ),
        ),
      ).toBe(400);
    }
    expect(
      statusOf(
        await webhooksRoute.action(
          routeArgs(
            await signedInPost("/admin/webhooks", admin.id, {
              intent: "add",
              url: "https://hooks.example.com/rungs",
            }),
          ),
        ),
      ),
    ).toBe(400);
    expect(await db.webhookEndpoint.findMany({ select: { id: true } })).toEqual([
      { id: endpoint.id },
    ]);
    expect(at("/theirs")).toEqual([]);
  });
});
