import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type * as RouterModule from "@remix-run/router";
import * as browserBuild from "../../../node_modules/@remix-run/router/dist/router.js";

/**
 * The server's router keeps each route tree's ranked branches and each compiled path
 * (patches/@remix-run+router+1.23.3.patch, applied at install; decision 063). The patch is made for
 * one release of the router: if an upgrade changes the installed router, this fails, so the patch is
 * looked at again (React Router 7 has the same caching built in). And the patched router (the
 * CommonJS build the server loads) matches exactly as the unpatched one (its ES build, which the
 * browser gets and the patch leaves alone), on Rungs' own routes.
 */
type Router = typeof RouterModule;
const unpatched = browserBuild as unknown as Router;
const require = createRequire(import.meta.url);
const patched = require("@remix-run/router") as Router;
const routerFolder = path.dirname(require.resolve("@remix-run/router/package.json"));

describe("the router patch", () => {
  test("is applied to the release it was made for", () => {
    expect(JSON.parse(readFileSync(path.join(routerFolder, "package.json"), "utf8")).version).toBe("1.23.3");
    const server = readFileSync(path.join(routerFolder, "dist/router.cjs.js"), "utf8");
    expect(server).toContain("const rankedBranchesOfTree = new WeakMap();");
    expect(server).toContain("const compiledPaths = new Map();");
  });

  test("keeps a tree's branches: a route added to the same tree after its first match is not seen until the tree is new", () => {
    const tree = [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }];
    expect(patched.matchRoutes(tree, "/b")).toBeNull();
    tree[0]!.children.push({ id: "b", path: "b" });
    expect(patched.matchRoutes(tree, "/b")).toBeNull();
    expect(patched.matchRoutes([{ ...tree[0]!, children: [...tree[0]!.children] }], "/b")?.map((match) => match.route.id)).toEqual(["root", "b"]);
    // The unpatched router flattens the tree on every call.
    expect(unpatched.matchRoutes(tree, "/b")?.map((match) => match.route.id)).toEqual(["root", "b"]);
  });

  test("matches Rungs' routes exactly as the unpatched router does", async () => {
    // Rungs' route manifest as the build makes it from app/routes (Remix's own flat-routes convention), as a tree.
    const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as { flatRoutes: (folder: string) => Record<string, { id: string; path?: string; index?: boolean; parentId?: string }> };
    const manifest = Object.values(flatRoutes(path.resolve("app")));
    type Node = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Node[] };
    const childrenOf = (parentId: string): Node[] => manifest.filter((route) => route.parentId === parentId).map((route) => ({ id: route.id, path: route.path, index: route.index, children: childrenOf(route.id) }));
    const routes = [{ id: "root", path: "", children: childrenOf("root") }] as unknown as RouterModule.AgnosticRouteObject[];
    expect(manifest.length).toBeGreaterThan(80);
    const paths = [
      "/",
      "/status",
      "/ping",
      "/login",
      "/ladders",
      "/ladders/engineering",
      "/ladders/engineering/levels/ic3",
      "/ladders/engineering/competencies/testing",
      "/ladders/engineering.json",
      "/calibration/abc",
      "/calibration/abc/entries/def",
      "/calibration/abc/fairness",
      "/people/p1/gap",
      "/admin/people/new",
      "/admin/people/p1",
      "/scim/v2/Users/42",
      "/hiring/openings/o1/stages/s1/kit",
      "/insights/time-in-level.csv",
      "/no/such/page",
      "/CALIBRATION/ABC",
      "/assess/",
    ];
    for (const pathname of paths) {
      const ids = (matches: ReturnType<typeof unpatched.matchRoutes>) => matches?.map((match) => [match.route.id, match.params, match.pathname]) ?? null;
      // Twice: the second call reads the kept branches.
      expect(ids(patched.matchRoutes(routes, pathname)), pathname).toEqual(ids(unpatched.matchRoutes(routes, pathname)));
      expect(ids(patched.matchRoutes(routes, pathname)), pathname).toEqual(ids(unpatched.matchRoutes(routes, pathname)));
    }
    expect(patched.matchPath("/people/:personId/gap", "/people/p1/gap")?.params).toEqual(unpatched.matchPath("/people/:personId/gap", "/people/p1/gap")?.params);
  });
});
