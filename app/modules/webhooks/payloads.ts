import { z } from "zod";
import { TEST_EVENT_KIND, type WebhookEventKind } from "./events";

/**
 * What each webhook's body holds, as zod schemas: the API's OpenAPI document describes every event
 * from them (its `webhooks`, app/modules/api/openapi.ts), and policy.ts's webhookPayload is typed
 * by them, so the document says what is sent. Every object is closed (no property beyond those
 * listed) and every property is required, so a test that checks a delivered body against the
 * document fails on a field added or taken away (test/integration/webhooks/openapi.test.ts).
 */

/** The bodies of the webhooks, by their name in the document. */
export const webhookBodies = z.registry<{ id: string }>();

const id = z.string();
const instant = z.iso.datetime().describe("A moment, in UTC (ISO 8601)");
const day = z.iso.date().describe("A day (ISO 8601)");
const level = z.string().nullable().describe("A level's id in the ladder, null where none");
const track = z.string().nullable().describe("A track's id in the ladder, null where none");

/** Each kind's `data`. */
const DATA = {
  "cycle.opened": z.object({ cycle: z.object({ id, startsOn: day, endsOn: day }) }),
  "cycle.closed": z.object({ cycle: z.object({ id, closedAt: instant }) }),
  "feedback.window_opened": z.object({
    cycle: z.object({ id }),
    feedback: z.object({ peer: z.boolean(), upward: z.boolean(), dueOn: day }),
  }),
  "outcome.released": z.object({
    outcome: z.object({
      id,
      calibrationSessionId: id,
      cycleId: id,
      personId: id,
      outcome: z.string().nullable().describe("stay, promote or not-ready"),
      level: level.describe("The level the outcome names (the new level for a promotion)"),
    }),
  }),
  "promotion.effective": z.object({
    promotion: z.object({
      personId: id,
      effectiveAt: instant,
      calibrationSessionId: id.nullable().describe("Null when decided outside calibration"),
      from: z.object({ track, level }),
      to: z.object({ track, level }),
    }),
  }),
  "person.joined": z.object({
    person: z.object({ id, via: z.enum(["created", "reactivated"]) }),
  }),
  "person.left": z.object({ person: z.object({ id, leftAt: instant }) }),
  "goals.period_closed": z.object({
    period: z.object({ id, startsOn: day, endsOn: day, closedAt: instant }),
    objectives: z
      .array(
        z.object({
          id,
          level: z.enum(["company", "team", "person"]),
          teamId: id.nullable(),
          parentId: id.nullable().describe("The objective it supports"),
          commitment: z.enum(["committed", "aspirational"]),
          keyResults: z.array(
            z.object({
              id,
              finalScore: z
                .number()
                .nullable()
                .describe("0 to 1; aspirational ones are expected at 0.6 to 0.7, committed at 1"),
            }),
          ),
        }),
      )
      .describe("Only the objectives everyone in the organisation reads"),
  }),
  "goals.key_result_checked_in": z.object({
    keyResult: z.object({
      id,
      objectiveId: id,
      progress: z.number().describe("Computed from the value, 0 to 1"),
    }),
    checkIn: z.object({
      id,
      at: instant,
      value: z.number(),
      confidence: z.enum(["onTrack", "atRisk", "offTrack"]),
    }),
  }),
  "team_health.check_in_closed": z.object({
    checkIn: z.object({ id, openedAt: instant, closedAt: instant }),
    team: z.object({ id }),
  }),
  [TEST_EVENT_KIND]: z.object({ endpoint: z.object({ id }) }),
} as const satisfies Record<WebhookEventKind | typeof TEST_EVENT_KIND, z.ZodType>;

export type WebhookKind = keyof typeof DATA;
/** The `data` of a kind's body. */
export type WebhookData<K extends WebhookKind> = z.output<(typeof DATA)[K]>;

/** When each kind is sent, for the document. */
const WHEN: Record<WebhookKind, string> = {
  "cycle.opened": "An admin opens a review cycle.",
  "cycle.closed": "An admin closes a review cycle.",
  "feedback.window_opened": "A cycle's feedback is first set up.",
  "outcome.released": "A calibration outcome is released to its person.",
  "promotion.effective": "A promotion takes effect.",
  "person.joined": "A person is created (page, CSV, SCIM, single sign-on, API) or reactivated.",
  "person.left": "A person is deactivated.",
  "goals.period_closed":
    "An admin closes a goal period: the objectives everyone in the organisation reads, each key result with its final score. Never a private objective, a check-in or a reflection.",
  "goals.key_result_checked_in":
    "Someone checks in on a key result of an objective everyone in the organisation reads (from its page or by API token): the figures the page shows everyone. Never the note, who sent it or which token, and nothing of a private objective's check-ins.",
  "team_health.check_in_closed":
    "A team health check-in closes, by hand or on its day; one event per team asked, and no figure.",
  [TEST_EVENT_KIND]: "An admin presses an endpoint's test button; only that endpoint is sent it.",
};

function componentName(kind: WebhookKind): string {
  return `Webhook${kind
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")}`;
}

/** Each kind's whole body, registered under its name in the document. */
export const WEBHOOK_BODIES = Object.fromEntries(
  (Object.keys(DATA) as WebhookKind[]).map((kind) => [
    kind,
    {
      name: componentName(kind),
      when: WHEN[kind],
      schema: z
        .object({
          id: id.describe("The event's id, the same on every retry (also Rungs-Event-Id)"),
          type: z.literal(kind),
          occurredAt: instant,
          data: DATA[kind],
        })
        .register(webhookBodies, { id: componentName(kind) }),
    },
  ]),
) as unknown as Record<WebhookKind, { name: string; when: string; schema: z.ZodType }>;
