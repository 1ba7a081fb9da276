import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  createRequestHandler,
  createStaticHandler,
  createStaticRouter,
  matchRoutes,
  type EntryContext,
  type RouteObject,
  type ServerBuild,
  type StaticHandlerContext,
} from "react-router";
import { describe, expect, test } from "vitest";
import { withoutHandoff } from "~/utils/page-scripts";

/**
 * React Router writes the data a document's scripts hydrate from (its hand-off stream) only once
 * the document reads it (patches/react-router+8.5.3.patch, applied at install; decision 140), so a
 * page sent without scripts does not encode every loader's data for nothing; and it builds its
 * route objects once, not on every document, and matches a path only against the routes its first
 * segment can reach (decision 159). The patch is made for one release: if an upgrade changes the
 * installed router, this fails, and the patch is looked at again.
 */
const require = createRequire(import.meta.url);
const routerFolder = path.dirname(require.resolve("react-router/package.json"));

/** A build of one page whose loader's data counts how often it is read, and the given entry. */
function buildWith(entry: (context: EntryContext) => Promise<Response> | Response) {
  const reads = { count: 0 };
  const data = {
    get probe() {
      reads.count += 1;
      return "the loader's data";
    },
  };
  const build = {
    routes: {
      root: { id: "root", path: "", module: { default: () => null, loader: () => data } },
    },
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, context: EntryContext) =>
          entry(context),
      },
    },
    assets: {
      entry: { module: "/entry.js", imports: [] },
      routes: {
        root: {
          id: "root",
          path: "",
          module: "/root.js",
          hasLoader: true,
          hasAction: false,
          hasClientLoader: false,
          hasClientAction: false,
          hasClientMiddleware: false,
          hasErrorBoundary: false,
        },
      },
      url: "/manifest.js",
      version: "1",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
  return { handler: createRequestHandler(build, "production"), reads };
}

describe("the router patch", () => {
  test("is applied to the release it was made for, in both of its builds", () => {
    const { version } = JSON.parse(
      readFileSync(path.join(routerFolder, "package.json"), "utf8"),
    ) as { version: string };
    expect(version).toBe("8.5.3");
    for (const build of ["development", "production"]) {
      const server = readFileSync(
        path.join(routerFolder, "dist", build, "lib/server-runtime/server.js"),
        "utf8",
      );
      expect(server).toContain("get serverHandoffStream() {");
      const lib = (file: string) =>
        readFileSync(path.join(routerFolder, "dist", build, "lib", file), "utf8");
      expect(lib("router/matcher.js")).toContain("branchesByFirstSegment");
      expect(lib("dom/ssr/server.js")).toContain("serverRoutesOf");
      expect(lib("dom/server.js")).toContain("dataRoutesOf");
      expect(lib("server-runtime/entry.js")).toContain("entryRouteModulesCache");
    }
  });

  test("a document that never reads its hand-off stream has no loader data encoded", async () => {
    const { handler, reads } = buildWith(() => new Response("<p>a page</p>"));
    const response = await handler(new Request("http://rungs.test/"));
    expect(await response.text()).toBe("<p>a page</p>");
    expect(reads.count).toBe(0);
  });

  test("a document that reads it gets the loader's data, encoded once", async () => {
    const { handler, reads } = buildWith(
      (context) => new Response(context.serverHandoffStream as ReadableStream<Uint8Array>),
    );
    const response = await handler(new Request("http://rungs.test/"));
    expect(await response.text()).toContain("the loader's data");
    expect(reads.count).toBe(1);
  });

  test("the context a page without scripts renders from has no stream, and reading it encoded nothing", async () => {
    let copied: EntryContext | undefined;
    const { handler, reads } = buildWith((context) => {
      copied = withoutHandoff(context);
      return new Response("<p>a page</p>");
    });
    await handler(new Request("http://rungs.test/"));
    expect(copied && "serverHandoffStream" in copied).toBe(false);
    expect(copied?.staticHandlerContext.loaderData).toEqual({ root: expect.anything() });
    expect(reads.count).toBe(0);
  });
});

/**
 * A route table of the shapes an app's routes take (a root layout, indexes, nested layouts,
 * parameters first and later, optional segments, splats, a case-sensitive route, a dot and a
 * percent in a segment), as the framework builds them.
 */
const table: RouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "status", path: "status" },
      { id: "robots", path: "robots.txt" },
      { id: "cafe", path: "caf%C3%A9" },
      {
        id: "goals",
        path: "goals",
        children: [
          { id: "goals-index", index: true },
          { id: "objective", path: "objectives/:objectiveId" },
          { id: "new-key-result", path: "objectives/:objectiveId/key-results/new" },
        ],
      },
      { id: "goals-admin", path: "goals/admin" },
      {
        id: "ladder",
        path: "ladders/:ladderId",
        children: [
          { id: "ladder-index", index: true },
          { id: "level", path: "levels/:levelId" },
        ],
      },
      { id: "docs", path: "docs/:lang?" },
      { id: "help", path: "help?/topics" },
      { id: "exact", path: "Exact", caseSensitive: true },
      { id: "files", path: "files/*" },
      { id: "org", path: ":org/settings" },
      { id: "pathless", children: [{ id: "inside", path: "inside/:id" }] },
      { id: "splat", path: "*" },
    ],
  },
];

function paths(): string[] {
  const found = new Set([
    "",
    "/",
    "//",
    "///status",
    "status",
    "/%E0%A4%A",
    "/goals/%E0",
    "/%67oals",
  ]);
  const full = (routes: RouteObject[], parent: string): string[] =>
    routes.flatMap((route) => {
      const here = route.path ? `${parent}/${route.path}` : parent;
      return [here || "/", ...full(route.children ?? [], here)];
    });
  for (const route of full(table, ""))
    for (const value of ["x", "X1", "%20", "%2F", "new", "caf\u00e9", ".."]) {
      const filled = route.replace(/:[\w-]+\??/g, value).replace(/\*$/, `${value}/more`);
      for (const variant of [
        filled,
        filled.toUpperCase(),
        `${filled}/`,
        `${filled}/extra`,
        `/${filled}`,
      ])
        found.add(variant);
    }
  return [...found];
}

describe("the router's routes, built once and matched by their first segment", () => {
  const seen = (matches: ReturnType<typeof matchRoutes>) =>
    matches?.map(({ route, params, pathname, pathnameBase }) => ({
      id: route.id,
      params,
      pathname,
      pathnameBase,
    })) ?? null;

  test("every path matches the routes React Router's own matching of the whole table finds", () => {
    const handler = createStaticHandler(table);
    const asked = paths();
    expect(asked.length).toBeGreaterThan(300);
    for (const pathname of asked)
      expect(seen(handler.match(pathname)), pathname).toEqual(seen(matchRoutes(table, pathname)));
  });

  test("every document of a build is rendered from the same route modules", async () => {
    const seenModules: unknown[] = [];
    const { handler } = buildWith((context) => {
      seenModules.push(context.routeModules);
      return new Response("<p>a page</p>");
    });
    await handler(new Request("http://rungs.test/"));
    await handler(new Request("http://rungs.test/"));
    expect(seenModules).toHaveLength(2);
    expect(seenModules[1]).toBe(seenModules[0]);
    expect(Object.keys(seenModules[0] as object)).toEqual(["root"]);
  });

  test("a static router of the same routes reuses the route objects it built", () => {
    const context = {
      matches: [],
      location: {},
      loaderData: {},
    } as unknown as StaticHandlerContext;
    const first = createStaticRouter(table, context);
    const second = createStaticRouter(table, context);
    expect(second.routes).toBe(first.routes);
    expect(first.routes[0]?.children?.map((route) => route.id)).toContain("goals");
  });
});
