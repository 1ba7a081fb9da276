import { z } from "zod";
import { WEBHOOK_BODIES, webhookBodies, type WebhookKind } from "~/modules/webhooks/payloads";
import { PAGE_DEFAULT, PAGE_MAX } from "./pages";
import { PERSON_TOKEN_SCOPES, PERSON_TOKEN_WRITES, personTokenMayCall } from "./policy";
import { API_SCOPES, type ApiScope } from "./scopes";
import { bodies, inputs } from "./schemas";

/**
 * The API's operations and its OpenAPI 3.1 document, in one place: api.server.ts answers exactly
 * the operations listed here (path, method, scope), and the document served at
 * /api/v1/openapi.json is built from the same list, with the bodies' schemas derived from the zod
 * schemas the reads and writes use (schemas.ts).
 */

export const API_BASE = "/api/v1";

type Status = 200 | 201;
type ErrorStatus = 401 | 403 | 404 | 422 | 429;

export type OperationId =
  | "listPeople"
  | "getPerson"
  | "createPerson"
  | "updatePerson"
  | "listTeams"
  | "listLadders"
  | "listCycles"
  | "listOutcomes"
  | "getAggregate"
  | "listObjectives"
  | "createCheckIn"
  | "listTeamHealthResults"
  | "getTeamHealthResults";

export type Operation = {
  id: OperationId;
  method: "get" | "post" | "patch";
  /** Under API_BASE, with `{name}` for each path parameter. */
  path: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  /** What a person's token reads here, for the operations policy.ts lets it call. */
  personReads?: string;
  paged?: boolean;
  query?: { name: string; description: string }[];
  input?: "PersonInput" | "PersonPatch" | "CheckInInput";
  ok: { status: Status; body: string; description: string };
  errors: ErrorStatus[];
};

const PAGED: ErrorStatus[] = [401, 403, 422, 429];
const cycleFilter = { name: "cycle", description: "Only this review cycle's (its id)" };

export const OPERATIONS: readonly Operation[] = [
  {
    id: "listPeople",
    method: "get",
    path: "/people",
    scope: "people:read",
    summary: "People, as the admins' people page lists them (including those who left)",
    personReads:
      "Those whose growth pages the person may open: themselves and everyone below them in the reporting line (everyone, for an admin), each as those pages show them, without email or roles.",
    paged: true,
    ok: { status: 200, body: "PersonPage", description: "A page of people" },
    errors: PAGED,
  },
  {
    id: "getPerson",
    method: "get",
    path: "/people/{personId}",
    scope: "people:read",
    summary: "One person",
    personReads:
      "Only someone whose growth page the person may open, as that page shows them; anyone else is a 404, as on the page.",
    ok: { status: 200, body: "Person", description: "The person" },
    errors: [401, 403, 404, 429],
  },
  {
    id: "createPerson",
    method: "post",
    path: "/people",
    scope: "people:write",
    summary: "Add a person",
    description:
      "Checked as the admins' form is (unique email, a real team, an active manager, no reporting loop, a known track and level) and audited. A person's rights (isAdmin, isHiringAdmin) are never written by a token, whatever its scopes: a body naming them is refused (422) and they are given on the admins' people page only. Refused (403, scim_in_use) while an identity provider keeps people through SCIM.",
    input: "PersonInput",
    ok: { status: 201, body: "Person", description: "The person added; Location names them" },
    errors: [401, 403, 422, 429],
  },
  {
    id: "updatePerson",
    method: "patch",
    path: "/people/{personId}",
    scope: "people:write",
    summary: "Change some of a person's fields",
    description:
      "Fields left out keep their value; null empties an optional field. Checked and audited as the admins' form is. A person's rights (isAdmin, isHiringAdmin) are never written by a token, whatever its scopes: a body naming them, null included, is refused (422) and the person is left as they were. Refused (403, scim_in_use) while an identity provider keeps people through SCIM.",
    input: "PersonPatch",
    ok: { status: 200, body: "Person", description: "The person as they are now" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    id: "listTeams",
    method: "get",
    path: "/teams",
    scope: "people:read",
    summary: "Teams, with their active members",
    paged: true,
    ok: { status: 200, body: "TeamPage", description: "A page of teams" },
    errors: PAGED,
  },
  {
    id: "listLadders",
    method: "get",
    path: "/ladders",
    scope: "ladders:read",
    summary: "The ladders served now: tracks, levels, competencies",
    personReads: "The same: the ladder pages are everyone's to read.",
    ok: { status: 200, body: "LadderList", description: "Every served ladder" },
    errors: [401, 403, 429],
  },
  {
    id: "listCycles",
    method: "get",
    path: "/cycles",
    scope: "outcomes:read",
    summary: "Review cycles",
    paged: true,
    ok: { status: 200, body: "CyclePage", description: "A page of review cycles" },
    errors: PAGED,
  },
  {
    id: "listOutcomes",
    method: "get",
    path: "/outcomes",
    scope: "outcomes:read",
    summary: "Calibration outcomes released to their people",
    description:
      "Only outcomes of published sessions that the person's manager (or the facilitator) has released: never one the person has not been told.",
    personReads:
      "Of those, the ones the person's own pages show them: their own (their growth page) and those of entries their calibration sessions open to them.",
    paged: true,
    query: [cycleFilter],
    ok: { status: 200, body: "OutcomePage", description: "A page of released outcomes" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    id: "getAggregate",
    method: "get",
    path: "/aggregates/{table}",
    scope: "aggregates:read",
    summary: "One table of the organisation's insights",
    description:
      "Exactly the insights page's CSV of that table as downloaded in English: every figure has passed the disclosure check, and a group below the floor keeps only its name and size. Row labels and notes are English words; the code columns last (`disclosure`, `group id`, `stage id`…) are the same in every language.",
    personReads:
      "The insights page as it is theirs: a manager's own organisation, with the same disclosure check; anyone without the page (no one reports to them) gets its 404.",
    query: [cycleFilter],
    ok: { status: 200, body: "Aggregate", description: "The table" },
    errors: [401, 403, 404, 429],
  },
  {
    id: "listObjectives",
    method: "get",
    path: "/objectives",
    scope: "goals:read",
    summary: "The objectives of a goal period, with their key results and progress",
    description:
      "The period open today unless `period` names one. Company and team objectives are everyone's; a person's objective only its owner's, their manager chain's, the people they shared it with or named on a key result, or everyone's if they opened it. Progress is computed from check-ins; no goal figure appears anywhere in ratings, calibration or promotions.",
    personReads: "The goal tree as the person's goals page shows it.",
    query: [{ name: "period", description: "A goal period's id" }],
    ok: { status: 200, body: "ObjectiveList", description: "The period and its objectives" },
    errors: [401, 403, 404, 429],
  },
  {
    id: "createCheckIn",
    method: "post",
    path: "/key-results/{keyResultId}/check-ins",
    scope: "goals:check-in",
    summary: "Record a key result's current value",
    description:
      "For a token issued from the key result's page, naming it: a CI job or a dashboard pushes a metric. Allowed only while the token's person may check in on that key result themselves (its owner or a contributor, its period not closed); the check-in records that person and the token.",
    personReads: "The same: only the key results the token names.",
    input: "CheckInInput",
    ok: { status: 201, body: "CheckIn", description: "The check-in recorded" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    id: "listTeamHealthResults",
    method: "get",
    path: "/team-health/results",
    scope: "team-health:read",
    summary: "The team health results the token's person may read, newest check-in first",
    description:
      "Each team asked in a check-in whose results the person reads on the team health page: admins every team; anyone else the teams they were asked in, their own team and the teams with someone below them in the reporting line. Never who answered, nor whether anyone did.",
    personReads: "The same: the list of results on the person's team health page.",
    ok: { status: 200, body: "TeamHealthResultsList", description: "The results one may read" },
    errors: [401, 403, 429],
  },
  {
    id: "getTeamHealthResults",
    method: "get",
    path: "/team-health/check-ins/{checkInId}/teams/{teamId}",
    scope: "team-health:read",
    summary: "A team's results in a check-in, as its results page shows them",
    description:
      "Released figures only: answers count in batches of the team's floor, and a figure moves only when a batch is whole (a partial batch is never shown, even after the close); an item whose released answers are too alike to show without telling what someone answered is withheld. No figure about one person, nor who answered, is ever sent. A team whose results the token's person may not read on the page is a 404.",
    personReads: "The same: a 404 for a team whose results page the person may not open.",
    ok: { status: 200, body: "TeamHealthResults", description: "The team's released results" },
    errors: [401, 403, 404, 429],
  },
];

const ERROR_WORDS: Record<ErrorStatus, string> = {
  401: "No token, an unknown or revoked one, or one whose person has left",
  403: "The token lacks the operation's scope, its person may not read this on a page (an admin's token whose person is no longer an admin; a person's token on an operation of the admin pages), or people are kept by SCIM",
  404: "No such record, or not the token's person's to read on their pages",
  422: "The request's parameters or body are not valid; `fields` says what is wrong",
  429: "The token made too many calls this minute; Retry-After says when to try again",
};

/** `{ a: { $schema, $id, ...rest } }` as OpenAPI components: their names are the keys. */
function components(
  registry: typeof bodies | typeof webhookBodies,
  io: "input" | "output",
): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _schema, $id: _id, ...schema }]) => [
      name,
      schema,
    ]),
  );
}

const json = (name: string) => ({
  "application/json": { schema: { $ref: `#/components/schemas/${name}` } },
});

function operationObject(operation: Operation) {
  const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const pageParameters = operation.paged
    ? [
        {
          name: "cursor",
          in: "query",
          required: false,
          description: "The `nextCursor` of the page before",
          schema: { type: "string" },
        },
        {
          name: "limit",
          in: "query",
          required: false,
          description: `How many to a page (1 to ${PAGE_MAX}, ${PAGE_DEFAULT} unless given)`,
          schema: { type: "integer", minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT },
        },
      ]
    : [];
  const queryParameters = (operation.query ?? []).map((entry) => ({
    name: entry.name,
    in: "query",
    required: false,
    description: entry.description,
    schema: { type: "string" },
  }));
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: [
      { bearer: [operation.scope] },
      ...(personTokenMayCall(operation.id) ? [{ personToken: [operation.scope] }] : []),
    ],
    "x-rungs-scope": operation.scope,
    "x-rungs-person-token": personTokenMayCall(operation.id)
      ? operation.personReads
      : "Refused (403, forbidden): this is an admin page's read or write.",
    parameters: [...pathParameters, ...pageParameters, ...queryParameters],
    ...(operation.input ? { requestBody: { required: true, content: json(operation.input) } } : {}),
    responses: {
      [operation.ok.status]: {
        description: operation.ok.description,
        content: json(operation.ok.body),
        ...(operation.ok.status === 201
          ? {
              headers: {
                Location: { description: "The new record's address", schema: { type: "string" } },
              },
            }
          : {}),
      },
      ...Object.fromEntries(
        operation.errors.map((status) => [
          status,
          {
            description: ERROR_WORDS[status],
            content: json("Error"),
            ...(status === 429
              ? {
                  headers: {
                    "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } },
                  },
                }
              : {}),
          },
        ]),
      ),
    },
  };
}

/** The headers every webhook request carries (app/modules/webhooks/delivery.server.ts). */
const WEBHOOK_HEADERS = [
  [
    "Rungs-Signature",
    "`t=<unix seconds>,v1=<hex>`: HMAC-SHA256 with the endpoint's signing secret over `<t>.<raw body>`. Check it over the body exactly as received and refuse a `t` more than five minutes from your clock.",
  ],
  ["Rungs-Event", "The event's type, as in the body"],
  [
    "Rungs-Event-Id",
    "The event's id, the same on every retry: a receiver that saw it already answers 2xx and does nothing",
  ],
  ["Rungs-Delivery", "This delivery's id (one per endpoint and event)"],
] as const;

/**
 * The webhooks Rungs sends (OpenAPI 3.1's `webhooks`): one POST per kind, its body the kind's
 * schema from app/modules/webhooks/payloads.ts, the same schemas webhookPayload is typed by.
 */
function webhookObjects(): Record<string, unknown> {
  return Object.fromEntries(
    (Object.keys(WEBHOOK_BODIES) as WebhookKind[]).map((kind) => [
      kind,
      {
        post: {
          operationId: `webhook:${kind}`,
          summary: kind,
          description: WEBHOOK_BODIES[kind].when,
          security: [],
          parameters: WEBHOOK_HEADERS.map(([name, description]) => ({
            name,
            in: "header",
            required: true,
            description,
            schema: { type: "string" },
          })),
          requestBody: { required: true, content: json(WEBHOOK_BODIES[kind].name) },
          responses: {
            "2XX": {
              description:
                "Received. Any other answer, or none within 10 seconds, is retried: a minute later, then twice as long each time (at most six hours apart), ten attempts in all.",
            },
          },
        },
      },
    ]),
  );
}

let built: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document (built once per process: it depends on nothing but this code). */
export function openApiDocument(): Record<string, unknown> {
  if (built) return built;
  const paths: Record<string, Record<string, unknown>> = {};
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      security: [],
      responses: {
        200: {
          description: "The OpenAPI 3.1 document of this API",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  };
  for (const operation of OPERATIONS)
    (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  built = {
    openapi: "3.1.0",
    info: {
      title: "Rungs API",
      version: "1.0.0",
      description:
        "Read people, teams, ladders, review cycles, released outcomes, the insights tables, goals and released team health results, write people where SCIM is not used, and check in on the key results a token names. The webhooks section describes what Rungs sends to the endpoints an admin adds under Admin → Webhooks: each a signed POST whose body carries ids, kinds, dates and released figures, never anything anybody wrote. A token acts for its person, limited to its scopes: each call is authorised as the same read on a page would be for that person, and returns what the page shows, never more. An admin's token (bearer) reads organisation-wide, as the admin pages do; a person's own token (personToken) reads what that person's own pages show them, and writes only check-ins on the key results it names. Each operation's `x-rungs-person-token` says what a person's token reads there.",
    },
    servers: [{ url: API_BASE }],
    security: [{ bearer: [] }, { personToken: [] }],
    paths,
    webhooks: webhookObjects(),
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `An admin's token, issued on /admin/api and sent as \`Authorization: Bearer rungs_api_…\`: it reads organisation-wide, as the admin pages do, while its person is an admin. Scopes: ${API_SCOPES.join(", ")}.`,
        },
        personToken: {
          type: "http",
          scheme: "bearer",
          description: `A person's own token, issued on their account page (/settings/api) and sent the same way: each call reads what that person's own pages show them, through the rules those pages use, and the admin pages' operations are refused (403). Reads: ${PERSON_TOKEN_SCOPES.join(", ")}; the one write, ${PERSON_TOKEN_WRITES.join(", ")}, only on the key results the token names (issued from a key result's page).`,
        },
      },
      schemas: {
        ...components(bodies, "output"),
        ...components(inputs, "input"),
        ...components(webhookBodies, "output"),
      },
    },
  };
  return built;
}
