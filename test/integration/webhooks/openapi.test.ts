// The OpenAPI document describes every webhook Rungs sends (decision 120): each kind of events.ts,
// and the test button's, has a POST under `webhooks` whose body schema is closed. Each kind's
// payload is built through the real emit path (emitWebhookEvents, as the services call it, and
// the test button), delivered to a real HTTP receiver on a loopback port, and checked against the
// document with ajv (2020-12, formats checked), the validator the API's tests use; a body with a
// field added or taken away fails the same check.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { openApiDocument } from "~/modules/api/openapi";
import { deliverWebhooks } from "~/modules/webhooks/delivery.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import { sendTestEvent } from "~/modules/webhooks/endpoints.server";
import {
  TEST_EVENT_KIND,
  WEBHOOK_EVENT_KINDS,
  type WebhookEventKind,
  type WebhookFact,
} from "~/modules/webhooks/events";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { validatorFor } from "../api/helpers";
import { createAdmin } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { addedOf } from "./added";

vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
});

type Body = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

let server: Server;
let base = "";
const received: Body[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
// A moment ago: the deliveries are due at once.
const at = new Date(Date.now() - 60_000);
const place = { track: "ic", level: "ic3" };

/** Each kind's facts as its service hands them over, with the nullable fields both ways where they are. */
const FACTS: { [K in WebhookEventKind]: Extract<WebhookFact, { kind: K }>[] } = {
  "cycle.opened": [
    {
      kind: "cycle.opened",
      cycle: { id: "cycle-1", name: "H2", startsOn: day("2026-07-01"), endsOn: day("2026-12-31") },
    },
  ],
  "cycle.closed": [{ kind: "cycle.closed", cycle: { id: "cycle-1", name: "H2", closedAt: at } }],
  "feedback.window_opened": [
    {
      kind: "feedback.window_opened",
      cycle: { id: "cycle-1", name: "H2" },
      feedback: { peer: true, upward: false, dueOn: day("2026-12-15") },
    },
  ],
  "outcome.released": [
    {
      kind: "outcome.released",
      outcome: {
        id: "entry-1",
        calibrationSessionId: "session-1",
        cycleId: "cycle-1",
        personId: "person-1",
        finalOutcome: "promote",
        finalLevelId: "ic4",
        finalRating: 4,
        finalReason: "Words of the facilitator",
      },
    },
    {
      kind: "outcome.released",
      outcome: {
        id: "entry-2",
        calibrationSessionId: "session-1",
        cycleId: "cycle-1",
        personId: "person-2",
        finalOutcome: null,
        finalLevelId: null,
        finalRating: null,
        finalReason: null,
      },
    },
  ],
  "promotion.effective": [
    {
      kind: "promotion.effective",
      promotion: {
        personId: "person-1",
        effectiveAt: at,
        from: place,
        to: { track: "ic", level: "ic4" },
        calibrationSessionId: "session-1",
      },
    },
    {
      kind: "promotion.effective",
      promotion: {
        personId: "person-3",
        effectiveAt: at,
        from: { track: null, level: null },
        to: place,
        calibrationSessionId: null,
      },
    },
  ],
  "person.joined": [
    {
      kind: "person.joined",
      person: { id: "person-4", name: "Noa", email: "noa@example.com", via: "created" },
    },
  ],
  "person.left": [
    {
      kind: "person.left",
      person: { id: "person-5", name: "Ola", email: "ola@example.com", leftAt: at },
    },
  ],
  "goals.period_closed": [
    {
      kind: "goals.period_closed",
      period: {
        id: "period-1",
        name: "Q4",
        startsOn: day("2026-10-01"),
        endsOn: day("2026-12-31"),
        closedAt: at,
      },
      objectives: [
        {
          id: "objective-1",
          level: "company",
          teamId: null,
          parentId: null,
          commitment: "aspirational",
          title: "Grow",
          keyResults: [{ id: "kr-1", title: "Revenue", finalScore: 0.65 }],
        },
        {
          id: "objective-2",
          level: "team",
          teamId: "team-1",
          parentId: "objective-1",
          commitment: "committed",
          title: "Ship",
          keyResults: [{ id: "kr-2", title: "Lead time", finalScore: null }],
        },
      ],
    },
  ],
  "goals.key_result_checked_in": [
    {
      kind: "goals.key_result_checked_in",
      checkIn: {
        id: "check-in-1",
        at,
        value: 12.5,
        confidence: "atRisk",
        note: "A note",
        authorId: "person-1",
        tokenId: null,
      },
      keyResult: { id: "kr-2", objectiveId: "objective-2", title: "Lead time", progress: 0.4 },
    },
  ],
  "team_health.check_in_closed": [
    {
      kind: "team_health.check_in_closed",
      checkIn: { id: "th-1", openedAt: day("2026-11-20"), closedAt: at },
      team: { id: "team-1", name: "Falcons" },
    },
  ],
};

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const bodySchema = (kind: string) =>
  validatorFor(`/webhooks/${escape(kind)}/post/requestBody/content/application~1json/schema`);
const problems = (kind: string, body: unknown) => {
  const validate = bodySchema(kind);
  return validate(body) ? [] : validate.errors;
};

describe("the OpenAPI document's webhooks", () => {
  test("the document, webhooks included, is valid OpenAPI 3.1 and has one webhook per kind sent", async () => {
    const document = openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(document.webhooks as object).sort()).toEqual(
      [...WEBHOOK_EVENT_KINDS, TEST_EVENT_KIND].sort(),
    );
  });

  test("every kind's body, emitted and delivered as the services do, matches its webhook's schema; one field more or less does not", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const form = new URLSearchParams([
      ["intent", "add"],
      ["url", `${base}/hooks`],
      ...WEBHOOK_EVENT_KINDS.map((kind) => ["events", kind]),
    ]);
    const answer = await webhooksRoute.action(
      routeArgs(await signedInRequest("/admin/webhooks", admin.id, { method: "POST", body: form })),
    );
    expect(await addedOf(answer, admin.id)).not.toBeNull();
    const facts = Object.values(FACTS).flat();
    await db.$transaction((tx) => emitWebhookEvents(tx, facts, at));
    expect(await deliverWebhooks()).toEqual({ delivered: facts.length, retried: 0, failed: 0 });
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({ select: { id: true } });
    expect((await sendTestEvent(admin, endpoint.id)).status).toBe("delivered");

    expect(received.map((body) => body.type).sort()).toEqual(
      [...facts.map((fact) => fact.kind), TEST_EVENT_KIND].sort(),
    );
    for (const body of received) {
      expect(problems(body.type, body), `${body.type}: ${JSON.stringify(body)}`).toEqual([]);
      // Another kind's schema refuses it (the type is the kind's own).
      const other = body.type === "cycle.closed" ? "cycle.opened" : "cycle.closed";
      expect(problems(other, body)).not.toEqual([]);
      // A field added, or one taken away, in the data's first object, fails the check.
      const [key, inner] = Object.entries(body.data)[0] as [string, Record<string, unknown>];
      const added = { ...body, data: { ...body.data, [key]: { ...inner, extra: "x" } } };
      expect(problems(body.type, added), `${body.type} with a field added`).not.toEqual([]);
      const [dropped] = Object.keys(inner);
      const { [dropped!]: _gone, ...rest } = inner;
      const removed = { ...body, data: { ...body.data, [key]: rest } };
      expect(problems(body.type, removed), `${body.type} without ${dropped}`).not.toEqual([]);
      // And at the top of the data and the body.
      expect(problems(body.type, { ...body, data: { ...body.data, extra: 1 } })).not.toEqual([]);
      expect(problems(body.type, { ...body, extra: 1 })).not.toEqual([]);
    }
  });
});
