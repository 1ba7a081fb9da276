import { db } from "~/db/client.server";
import { DomainError, type DomainErrorKind } from "~/modules/errors";
import type { Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { getEnv } from "~/utils/env.server";
import { API_BASE, OPERATIONS, openApiDocument, type Operation } from "./openapi";
import { readPageRequest, type PageRequest } from "./pages";
import { peopleWritable, tokenAccess } from "./policy";
import { countCall } from "./rate-limit.server";
import { checkInByApi, objectivesByApi } from "./goals.server";
import { ApiCheckInInput } from "./schemas";
import { teamHealthResultByApi, teamHealthResultsByApi } from "./team-health.server";
import {
  getAggregate,
  getPerson,
  listCycles,
  listLadders,
  listOutcomes,
  listPeople,
  listTeams,
  type Reader,
} from "./reads.server";
import type { ERROR_CODES } from "./schemas";
import { tokenOfHeader, touchApiToken, type CallingToken } from "./tokens.server";
import {
  createPersonByApi,
  scimInUse,
  updatePersonByApi,
  type FieldProblems,
} from "./writes.server";

/**
 * The API under /api/v1 (decision 088): finds the operation (openapi.ts), authenticates the token,
 * counts the call, asks the policy, and answers `{ status, body, headers }` for the route to send.
 * Every refusal is a JSON error with its precise status; nothing unexpected is turned into one (the
 * route lets it become the server's plain 500, with no stack).
 */

type Code = (typeof ERROR_CODES)[number];

export type ApiRequest = {
  method: string;
  url: string;
  authorization: string | null;
  body: () => Promise<unknown>;
  /** Words a message in the request's language. */
  say: (message: string | Message) => string;
};

export type ApiAnswer = { status: number; body: unknown; headers: Record<string, string> };

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    readonly said: string | Message,
    readonly fields?: FieldProblems,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof said === "string" ? said : said.key);
  }
}

const DOMAIN: Record<DomainErrorKind, { status: number; code: Code }> = {
  "not-found": { status: 404, code: "not_found" },
  forbidden: { status: 403, code: "forbidden" },
  invalid: { status: 422, code: "invalid" },
  conflict: { status: 409, code: "conflict" },
  unavailable: { status: 503, code: "unavailable" },
};

const matchers = OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

type Found =
  { operation: Operation; params: Record<string, string> } | { allowed: string[] } | null;

function findOperation(method: string, path: string): Found {
  const onPath = matchers.flatMap(({ operation, pattern }) => {
    const match = pattern.exec(path);
    return match
      ? [
          {
            operation,
            params: Object.fromEntries(
              Object.entries(match.groups ?? {}).map(([key, value]) => [
                key,
                decodeURIComponent(value),
              ]),
            ),
          },
        ]
      : [];
  });
  if (!onPath.length) return null;
  return (
    onPath.find((entry) => entry.operation.method === method.toLowerCase()) ?? {
      allowed: onPath.map((entry) => entry.operation.method.toUpperCase()),
    }
  );
}

function pageOf(query: URLSearchParams): PageRequest {
  const read = readPageRequest(query);
  if (read.ok) return read.page;
  const fields: FieldProblems = {};
  for (const problem of read.problems)
    (fields[problem.field] ??= []).push({ key: problem.message });
  throw new Refusal(422, "invalid", { key: "api:errors.invalidRequest" }, fields);
}

type Call = {
  token: CallingToken;
  reader: Reader;
  params: Record<string, string>;
  query: URLSearchParams;
  body: () => Promise<unknown>;
  url: URL;
};

async function viewerOf(personId: string): Promise<Viewer> {
  return db.user.findUniqueOrThrow({
    where: { id: personId },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
}

function written(result: Awaited<ReturnType<typeof createPersonByApi>>): string {
  if (!result.ok)
    throw new Refusal(422, "invalid", { key: "api:errors.invalidRequest" }, result.fields);
  return result.personId;
}

const HANDLERS: Record<
  Operation["id"],
  (call: Call) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>
> = {
  listPeople: async ({ reader, query }) => ({ body: await listPeople(pageOf(query), reader) }),
  getPerson: async ({ reader, params }) => ({ body: await getPerson(params.personId!, reader) }),
  createPerson: async ({ token, reader, body, url }) => {
    const personId = written(await createPersonByApi(token, await body()));
    return {
      status: 201,
      body: await getPerson(personId, reader),
      headers: { Location: new URL(`${API_BASE}/people/${personId}`, url).href },
    };
  },
  updatePerson: async ({ token, reader, params, body }) => ({
    body: await getPerson(
      written(await updatePersonByApi(token, params.personId!, await body())),
      reader,
    ),
  }),
  listTeams: async ({ query }) => ({ body: await listTeams(pageOf(query)) }),
  listLadders: async () => ({ body: await listLadders() }),
  listCycles: async ({ query }) => ({ body: await listCycles(pageOf(query)) }),
  listOutcomes: async ({ reader, query }) => ({
    body: await listOutcomes(pageOf(query), query.get("cycle") || null, reader),
  }),
  getAggregate: async ({ reader, params, query }) => ({
    body: await getAggregate(reader.viewer, params.table!, query.get("cycle") || null),
  }),
  listObjectives: async ({ reader, query }) => ({
    body: await objectivesByApi(reader.viewer, query.get("period") || null),
  }),
  createCheckIn: async ({ token, reader, params, body }) => {
    const parsed = ApiCheckInInput.safeParse(await body());
    if (!parsed.success) {
      const fields: FieldProblems = {};
      for (const issue of parsed.error.issues)
        (fields[String(issue.path[0] ?? "body")] ??= []).push({ key: "api:errors.invalidRequest" });
      throw new Refusal(422, "invalid", { key: "api:errors.invalidRequest" }, fields);
    }
    return {
      status: 201,
      body: await checkInByApi(token, reader.viewer, params.keyResultId!, parsed.data),
    };
  },
  listTeamHealthResults: async ({ reader }) => ({
    body: await teamHealthResultsByApi(reader.viewer),
  }),
  getTeamHealthResults: async ({ reader, params }) => ({
    body: await teamHealthResultByApi(reader.viewer, params.checkInId!, params.teamId!),
  }),
};

/** What a tool is given to connect, as the token pages show it: the API's address (under PUBLIC_URL when set, else the one the page was reached at), its document, and each token's calls a minute. */
export function apiConnection(requestUrl: string): {
  baseUrl: string;
  documentUrl: string;
  perMinute: number;
} {
  const baseUrl = new URL(`${getEnv().PUBLIC_URL ?? ""}${API_BASE}`, requestUrl).href;
  return { baseUrl, documentUrl: `${baseUrl}/openapi.json`, perMinute: getEnv().API_RATE_LIMIT };
}

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
};
const AUTHENTICATE = 'Bearer realm="Rungs API"';

async function answer(request: ApiRequest): Promise<ApiAnswer> {
  const url = new URL(request.url);
  const path = url.pathname.slice(API_BASE.length) || "/";
  if (path === "/openapi.json") {
    if (request.method !== "GET" && request.method !== "HEAD")
      throw new Refusal(
        405,
        "method_not_allowed",
        { key: "api:errors.methodNotAllowed" },
        undefined,
        { Allow: "GET" },
      );
    return {
      status: 200,
      body: openApiDocument(),
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "public, max-age=300",
      },
    };
  }
  const found = findOperation(request.method, path);
  if (!found) throw new Refusal(404, "not_found", { key: "api:errors.noSuchPath" });
  if ("allowed" in found)
    throw new Refusal(
      405,
      "method_not_allowed",
      { key: "api:errors.methodNotAllowed" },
      undefined,
      { Allow: found.allowed.join(", ") },
    );
  const { operation, params } = found;

  const token = await tokenOfHeader(request.authorization);
  if (!token)
    throw new Refusal(401, "unauthenticated", { key: "api:errors.unauthenticated" }, undefined, {
      "WWW-Authenticate": AUTHENTICATE,
    });
  const wait = await countCall(token.id, getEnv().API_RATE_LIMIT);
  if (wait > 0)
    throw new Refusal(429, "rate_limited", { key: "api:errors.rateLimited" }, undefined, {
      "Retry-After": String(Math.ceil(wait / 1000)),
    });
  const access = tokenAccess(token.facts, operation);
  if (!access.ok) {
    if (access.status === 401)
      throw new Refusal(401, "unauthenticated", { key: "api:errors.unauthenticated" }, undefined, {
        "WWW-Authenticate": AUTHENTICATE,
      });
    if (access.reason === "insufficient_scope") {
      throw new Refusal(
        403,
        "insufficient_scope",
        { key: "api:errors.insufficientScope", values: { scope: operation.scope } },
        undefined,
        {
          "WWW-Authenticate": `${AUTHENTICATE}, error="insufficient_scope", scope="${operation.scope}"`,
        },
      );
    }
    throw new Refusal(403, "forbidden", {
      key: access.reason === "not_an_admin" ? "api:errors.notAnAdmin" : "api:errors.adminPagesOnly",
    });
  }
  await touchApiToken(token);
  if (operation.scope === "people:write" && !peopleWritable({ scimInUse: await scimInUse() }))
    throw new Refusal(403, "scim_in_use", { key: "api:errors.scimInUse" });
  const reader: Reader = { reach: token.facts.reach, viewer: await viewerOf(token.personId) };
  const handled = await HANDLERS[operation.id]({
    token,
    reader,
    params,
    query: url.searchParams,
    body: request.body,
    url,
  });
  return {
    status: handled.status ?? 200,
    body: handled.body,
    headers: { ...JSON_HEADERS, ...handled.headers },
  };
}

function errorAnswer(
  request: ApiRequest,
  status: number,
  code: Code,
  said: string | Message,
  fields?: FieldProblems,
  headers: Record<string, string> = {},
): ApiAnswer {
  const worded = fields
    ? Object.fromEntries(
        Object.entries(fields).map(([field, messages]) => [
          field,
          messages.map((message) => request.say(message)),
        ]),
      )
    : undefined;
  return {
    status,
    body: {
      error: { status, code, message: request.say(said), ...(worded ? { fields: worded } : {}) },
    },
    headers: { ...JSON_HEADERS, ...headers },
  };
}

export async function answerApi(request: ApiRequest): Promise<ApiAnswer> {
  try {
    return await answer(request);
  } catch (error) {
    if (error instanceof Refusal)
      return errorAnswer(
        request,
        error.status,
        error.code,
        error.said,
        error.fields,
        error.headers,
      );
    if (error instanceof DomainError) {
      const { status, code } = DOMAIN[error.kind];
      return errorAnswer(request, status, code, error.said);
    }
    throw error;
  }
}
