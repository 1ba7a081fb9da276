import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import * as apiRoute from "~/routes/api.v1.$";
import { API_BASE, OPERATIONS, openApiDocument } from "~/modules/api/openapi";
import { issueApiToken } from "~/modules/api/tokens.server";
import type { ApiScope } from "~/modules/api/scopes";
import { routeArgs } from "../../utils/responses";

/**
 * Calls the API through its route as a tool would, and checks every answer against the served
 * OpenAPI document: the operation must document the status, and the body must match that
 * response's schema (ajv, 2020-12 dialect, formats checked; every object there is closed, so an
 * extra property fails).
 */

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

const DOCUMENT_ID = "rungs-openapi.json";
let ajv: Ajv2020 | null = null;
const validators = new Map<string, ValidateFunction>();

/** The validator of the schema at `pointer` in the served document (a JSON pointer, `~1` for `/`). */
export function validatorFor(pointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument(), DOCUMENT_ID);
  }
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
    if (!validate) throw new Error(`The document has no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** The documented operation a method and path are, by the document's own path templates. */
function documentedPath(method: string, path: string): string {
  const operation = OPERATIONS.find(
    (entry) =>
      entry.method === method.toLowerCase() &&
      new RegExp(`^${entry.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(path),
  );
  if (!operation) throw new Error(`${method} ${path} is not an operation of the document`);
  return operation.path;
}

export type ApiReply = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every body an API test received, for the privacy sweep's search. */
export const received: string[] = [];

/** One call through the route; its answer is checked against the document before it is returned. */
export async function api(
  token: string | null,
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<ApiReply> {
  const headers = new Headers({ Accept: "application/json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`http://localhost${API_BASE}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const path = new URL(request.url).pathname.slice(API_BASE.length);
  const args = routeArgs(request, { "*": path.slice(1) });
  const response = method === "GET" ? await apiRoute.loader(args) : await apiRoute.action(args);
  const text = await response.text();
  received.push(text);
  const reply = {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
  const template = documentedPath(method, path);
  const responses = (
    openApiDocument().paths as Record<
      string,
      Record<string, { responses: Record<string, unknown> }>
    >
  )[template]![method.toLowerCase()]!.responses;
  expect(
    Object.keys(responses),
    `${method} ${pathAndQuery} answered ${reply.status}, which the document does not give: ${text}`,
  ).toContain(String(reply.status));
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const validate = validatorFor(
    `/paths/${escape(template)}/${method.toLowerCase()}/responses/${reply.status}/content/application~1json/schema`,
  );
  expect(
    validate(reply.body) ? [] : validate.errors,
    `${method} ${pathAndQuery} (${reply.status}) against the document`,
  ).toEqual([]);
  return reply;
}

/** A token as an admin would issue one. */
export async function tokenFor(
  personId: string,
  scopes: readonly ApiScope[],
  name = "Test tool",
): Promise<{ id: string; token: string }> {
  const issued = await issueApiToken(personId, name, scopes);
  return { id: issued.id, token: issued.token };
}
