import SCIMMY_TYPED from "scimmy";
import { getTrackLevelCheck } from "~/modules/people/track-levels.server";
import { getEnv } from "~/utils/env.server";
import { FilterNotSupported, groupQuery, pageOf, userQuery } from "./filter";
import {
  createGroup,
  deleteGroup,
  findGroups,
  getGroup,
  groupResource,
  readGroupInput,
  replaceGroup,
} from "./groups.server";
import { errorBody, ScimProblem } from "./problem";
import { ENTERPRISE_USER, normalisePatch, normaliseUserResource, RUNGS_USER } from "./quirks";
import { authenticateScimToken, type ScimTokenIdentity } from "./tokens.server";
import { patchedUser, readUserInput, userResource } from "./user-mapping";
import { createUser, deactivateUser, findUsers, getUser, replaceUser } from "./users.server";

/**
 * SCIM 2.0 (RFC 7643, 7644) at /scim/v2: the protocol, answered as `{ status, body }` for
 * the route to send. The SCIM library (scimmy) keeps the schemas, checks and coerces
 * incoming resources, parses filters and applies PATCH operations to a person as SCIM
 * reads them; this module lists, stores and audits, and brings what identity providers
 * really send to the RFC first (quirks.ts). Decision 034 says why.
 */

/**
 * The part of the library used here, typed loosely: its own declarations type handlers
 * and constructors more narrowly than the library accepts (a patch body is checked by
 * the library itself, an unknown one refused with a SCIM error).
 */
type Handlers = { id?: string };
type ResourceInstance = {
  read(context?: Context): Promise<unknown>;
  write(body: unknown, context?: Context): Promise<unknown>;
  patch(body: unknown, context?: Context): Promise<unknown>;
  dispose(context?: Context): Promise<void>;
  attributes?: unknown;
};
type ResourceClass = {
  new (id?: string | Attributes, config?: Attributes): ResourceInstance;
  basepath(path?: string): string;
  egress(handler: (resource: Handlers, context: Context) => Promise<unknown>): ResourceClass;
  ingress(
    handler: (resource: Handlers, instance: unknown, context: Context) => Promise<unknown>,
  ): ResourceClass;
  degress(handler: (resource: Handlers, context: Context) => Promise<void>): ResourceClass;
};
type SchemaClass = {
  new (data: unknown, direction: "out", basepath: string, attributes: unknown): unknown;
  extend(extension: unknown, required: boolean): void;
  definition: { attributes: { id?: string }[] };
};
type Loose = {
  Config: { set(config: unknown, value?: unknown): void };
  Types: {
    Error: new (status: number, scimType: string | undefined, message: string) => Error;
    SchemaDefinition: new (
      name: string,
      id: string,
      description: string,
      attributes: unknown[],
    ) => unknown;
    Attribute: new (type: string, name: string, config?: unknown) => unknown;
    Filter: new (expression: string) => unknown;
  };
  Schemas: { User: SchemaClass; Group: SchemaClass; EnterpriseUser: unknown };
  Resources: {
    declare(resource: ResourceClass): ResourceClass;
    User: ResourceClass;
    Group: ResourceClass;
    Schema: ResourceClass;
    ResourceType: ResourceClass;
    ServiceProviderConfig: ResourceClass;
  };
};
const SCIMMY = SCIMMY_TYPED as unknown as Loose;

export const BASE_PATH = "/scim/v2";

/**
 * The base of resources' locations (meta.location, the Location header): an absolute URL under
 * PUBLIC_URL when it is set (RFC 7643 3.1), else the path (the route resolves the header against
 * the request's address).
 */
const locationBase = () => `${getEnv().PUBLIC_URL ?? ""}${BASE_PATH}`;

/** The SCIM base URL an identity provider is given: under PUBLIC_URL when set, else the address the request came to. */
export function scimBaseUrl(requestUrl: string): string {
  return new URL(locationBase(), requestUrl).href;
}

const PAGE_LIMIT = 200;

const RungsUserSchema = new SCIMMY.Types.SchemaDefinition(
  "RungsUser",
  RUNGS_USER,
  "Where the person is on a Rungs ladder (job family), track and level, and since when",
  [
    new SCIMMY.Types.Attribute("string", "ladder", {
      description:
        "The ladder (job family) id; needed only when the track and level are in more than one ladder",
    }),
    new SCIMMY.Types.Attribute("string", "track", {
      description: "The track id on the ladder, for example ic or manager",
    }),
    new SCIMMY.Types.Attribute("string", "level", {
      description: "The level id on the track, for example ic3",
    }),
    new SCIMMY.Types.Attribute("dateTime", "levelSince", {
      description:
        "The day the person reached their level, when that was before Rungs recorded it (its UTC day counts); a change of level clears it",
    }),
  ],
);

type Context = { actor: ScimTokenIdentity; failure?: unknown; patching?: boolean };

/** Domain refusals become SCIM errors the library passes through; anything unexpected is kept to be rethrown as itself. */
function asScimError(error: unknown, context: Context): never {
  if (error instanceof ScimProblem)
    throw new SCIMMY.Types.Error(error.status, error.scimType ?? undefined, error.message);
  if (error instanceof SCIMMY.Types.Error) throw error;
  if ((error as { code?: string }).code === "P2002")
    throw new SCIMMY.Types.Error(409, "uniqueness", "Another record already has that value.");
  context.failure = error;
  throw new SCIMMY.Types.Error(500, undefined, "Rungs could not complete the request.");
}

const plain = (instance: unknown) =>
  JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;

let configured = false;
function configure() {
  if (configured) return;
  configured = true;
  SCIMMY.Config.set({
    documentationUri: "https://github.com/rungs/rungs/blob/main/docs/scim.md",
    patch: { supported: true },
    filter: { supported: true, maxResults: PAGE_LIMIT },
    bulk: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    changePassword: { supported: false },
    // The library adds schemes to those it has (an empty list clears them), and keeps them for the process.
    authenticationSchemes: [],
  });
  SCIMMY.Config.set("authenticationSchemes", [
    {
      type: "oauthbearertoken",
      name: "Bearer token",
      description: "A token an admin creates on Rungs' SCIM page, or with npm run scim:token",
      primary: true,
    },
  ]);
  // The library keeps its schemas for the process, which may evaluate this module again (the dev
  // server's reloads, the tests' files): an extension already there is not added a second time.
  const extensions = new Set(
    SCIMMY.Schemas.User.definition.attributes.map((attribute) => attribute.id),
  );
  if (!extensions.has(ENTERPRISE_USER))
    SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  if (!extensions.has(RUNGS_USER)) SCIMMY.Schemas.User.extend(RungsUserSchema, false);
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress(async (resource, context) => {
      const person = resource.id
        ? await getUser(resource.id).catch((error) => asScimError(error, context))
        : null;
      if (!person) throw new SCIMMY.Types.Error(404, undefined, `There is no user ${resource.id}.`);
      return userResource(person);
    })
    .ingress(async (resource, instance, context) => {
      try {
        const check = await getTrackLevelCheck();
        if (!resource.id)
          return userResource(
            await createUser(context.actor, readUserInput(plain(instance), null), check),
          );
        const current = await getUser(resource.id);
        if (!current) throw new ScimProblem(404, null, `There is no user ${resource.id}.`);
        const before = userResource(current);
        const after = context.patching ? patchedUser(plain(instance), before) : plain(instance);
        return userResource(
          await replaceUser(context.actor, resource.id, readUserInput(after, before), check),
        );
      } catch (error) {
        asScimError(error, context);
      }
    })
    .degress(async (resource, context) => {
      await deactivateUser(context.actor, resource.id!).catch((error) =>
        asScimError(error, context),
      );
    });
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress(async (resource, context) => {
      const group = resource.id
        ? await getGroup(resource.id).catch((error) => asScimError(error, context))
        : null;
      if (!group) throw new SCIMMY.Types.Error(404, undefined, `There is no group ${resource.id}.`);
      return groupResource(group);
    })
    .ingress(async (resource, instance, context) => {
      try {
        const input = readGroupInput(plain(instance));
        return groupResource(
          resource.id
            ? await replaceGroup(context.actor, resource.id, input)
            : await createGroup(context.actor, input),
        );
      } catch (error) {
        asScimError(error, context);
      }
    })
    .degress(async (resource, context) => {
      await deleteGroup(context.actor, resource.id!).catch((error) => asScimError(error, context));
    });
  for (const resource of [
    SCIMMY.Resources.User,
    SCIMMY.Resources.Group,
    SCIMMY.Resources.Schema,
    SCIMMY.Resources.ResourceType,
    SCIMMY.Resources.ServiceProviderConfig,
  ]) {
    resource.basepath(locationBase());
  }
}

export type ScimRequest = {
  method: string;
  url: string;
  authorization: string | null;
  body: () => Promise<unknown>;
};
export type ScimAnswer = {
  status: number;
  body: unknown;
  location?: string;
  authenticate?: boolean;
};

export async function answerScim(request: ScimRequest): Promise<ScimAnswer> {
  configure();
  const url = new URL(request.url);
  const actor = await authenticateScimToken(request.authorization);
  if (!actor)
    return {
      status: 401,
      body: errorBody(
        401,
        null,
        "A valid SCIM bearer token is needed: an admin creates one on Rungs' SCIM page.",
      ),
      authenticate: true,
    };
  const context: Context = { actor };
  try {
    return await route(request, url, context);
  } catch (error) {
    if (context.failure) throw context.failure;
    if (error instanceof ScimProblem)
      return { status: error.status, body: errorBody(error.status, error.scimType, error.message) };
    if (error instanceof SCIMMY.Types.Error) {
      const scim = error as unknown as { status: number; scimType?: string; message: string };
      return {
        status: Number(scim.status),
        body: errorBody(Number(scim.status), scim.scimType, scim.message),
      };
    }
    throw error;
  }
}

function segmentsOf(url: URL): string[] {
  const rest = url.pathname.slice(BASE_PATH.length).replace(/^\/+|\/+$/g, "");
  return rest ? rest.split("/").map((part) => decodeURIComponent(part)) : [];
}

async function jsonOf(request: ScimRequest): Promise<unknown> {
  const body = await request.body();
  if (body === undefined)
    throw new ScimProblem(400, "invalidSyntax", "The request body is not JSON.");
  return body;
}

const notAllowed = (method: string, path: string) =>
  new ScimProblem(404, null, `${method} ${BASE_PATH}/${path} is not a SCIM endpoint of Rungs.`);

async function route(request: ScimRequest, url: URL, context: Context): Promise<ScimAnswer> {
  const method = request.method.toUpperCase();
  const [collection = "", id, ...rest] = segmentsOf(url);
  const params = url.searchParams;
  const attributes = {
    ...(params.get("attributes") ? { attributes: params.get("attributes")! } : {}),
    ...(params.get("excludedAttributes")
      ? { excludedAttributes: params.get("excludedAttributes")! }
      : {}),
  };
  if (rest.length) throw notAllowed(method, url.pathname.slice(BASE_PATH.length + 1));

  switch (collection.toLowerCase()) {
    case "serviceproviderconfig":
      if (method !== "GET" || id) break;
      return { status: 200, body: await new SCIMMY.Resources.ServiceProviderConfig().read() };
    case "schemas":
      if (method !== "GET") break;
      return {
        status: 200,
        body: await (id ? new SCIMMY.Resources.Schema(id) : new SCIMMY.Resources.Schema()).read(),
      };
    case "resourcetypes":
      if (method !== "GET") break;
      return {
        status: 200,
        body: await (
          id ? new SCIMMY.Resources.ResourceType(id) : new SCIMMY.Resources.ResourceType()
        ).read(),
      };
    case "users":
      return users(request, method, id, params, attributes, context);
    case "groups":
      return groups(request, method, id, params, attributes, context);
  }
  throw notAllowed(method, collection + (id ? `/${id}` : ""));
}

type Attributes = { attributes?: string; excludedAttributes?: string };

/** A `filter` parsed by the library, then held to what Rungs answers. */
function parsedFilter(params: URLSearchParams): Record<string, unknown>[] | null {
  const filter = params.get("filter");
  if (filter === null) return null;
  if (!filter.trim() || filter.length > 1000)
    throw new ScimProblem(400, "invalidFilter", "The filter is empty or too long.");
  try {
    return plain(new SCIMMY.Types.Filter(filter)) as unknown as Record<string, unknown>[];
  } catch (error) {
    if (error instanceof SCIMMY.Types.Error) throw error;
    throw new ScimProblem(
      400,
      "invalidFilter",
      `Rungs could not read the filter ${JSON.stringify(filter)}.`,
    );
  }
}

function withFilterErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FilterNotSupported)
      throw new ScimProblem(400, "invalidFilter", error.message);
    throw error;
  }
}

function listResponse(resources: unknown[], total: number, startIndex: number) {
  return {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

async function users(
  request: ScimRequest,
  method: string,
  id: string | undefined,
  params: URLSearchParams,
  attributes: Attributes,
  context: Context,
): Promise<ScimAnswer> {
  const { User } = SCIMMY.Resources;
  if (!id && method === "GET") {
    const parsed = parsedFilter(params);
    const query = parsed ? withFilterErrors(() => userQuery(parsed)) : null;
    const page = pageOf(params.get("startIndex"), params.get("count"), PAGE_LIMIT);
    const { total, people } = await findUsers(query, page.startIndex, page.count);
    const shaped = people.map(
      (person) =>
        new SCIMMY.Schemas.User(
          userResource(person),
          "out",
          User.basepath(),
          new User(attributes).attributes,
        ),
    );
    return { status: 200, body: listResponse(shaped, total, page.startIndex) };
  }
  if (!id && method === "POST") {
    const created = (await new User(attributes).write(
      normaliseUserResource(await jsonOf(request)),
      context,
    )) as { id: string };
    return { status: 201, body: created, location: `${locationBase()}/Users/${created.id}` };
  }
  if (id && method === "GET")
    return { status: 200, body: await new User(id, attributes).read(context) };
  if (id && method === "PUT")
    return {
      status: 200,
      body: await new User(id, attributes).write(
        normaliseUserResource(await jsonOf(request)),
        context,
      ),
    };
  if (id && method === "PATCH") {
    context.patching = true;
    const patched = await new User(id, attributes).patch(
      normalisePatch(await jsonOf(request), id),
      context,
    );
    return patched ? { status: 200, body: patched } : { status: 204, body: null };
  }
  if (id && method === "DELETE") {
    await new User(id).dispose(context);
    return { status: 204, body: null };
  }
  throw notAllowed(method, `Users${id ? `/${id}` : ""}`);
}

async function groups(
  request: ScimRequest,
  method: string,
  id: string | undefined,
  params: URLSearchParams,
  attributes: Attributes,
  context: Context,
): Promise<ScimAnswer> {
  const { Group } = SCIMMY.Resources;
  if (!id && method === "GET") {
    const parsed = parsedFilter(params);
    const query = parsed ? withFilterErrors(() => groupQuery(parsed)) : null;
    const page = pageOf(params.get("startIndex"), params.get("count"), PAGE_LIMIT);
    const { total, groups } = await findGroups(query, page.startIndex, page.count);
    const shaped = groups.map(
      (group) =>
        new SCIMMY.Schemas.Group(
          groupResource(group),
          "out",
          Group.basepath(),
          new Group(attributes).attributes,
        ),
    );
    return { status: 200, body: listResponse(shaped, total, page.startIndex) };
  }
  if (!id && method === "POST") {
    const created = (await new Group(attributes).write(await jsonOf(request), context)) as {
      id: string;
    };
    return { status: 201, body: created, location: `${locationBase()}/Groups/${created.id}` };
  }
  if (id && method === "GET")
    return { status: 200, body: await new Group(id, attributes).read(context) };
  if (id && method === "PUT")
    return {
      status: 200,
      body: await new Group(id, attributes).write(await jsonOf(request), context),
    };
  if (id && method === "PATCH") {
    // Entra ID expects 204 here, and Okta accepts it; neither needs every member back.
    await new Group(id).patch(normalisePatch(await jsonOf(request), id), context);
    return { status: 204, body: null };
  }
  if (id && method === "DELETE") {
    await new Group(id).dispose(context);
    return { status: 204, body: null };
  }
  throw notAllowed(method, `Groups${id ? `/${id}` : ""}`);
}
