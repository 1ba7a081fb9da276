import { createRequestHandler } from "@react-router/express";
import express from "express";
import type { ServerBuild } from "react-router";
import { contextWith } from "~/utils/server-facts";
import { listen } from "./http-server";

type RouteModule = Record<string, unknown>;

/** A route of a hand-made build: under the root unless it is the root; `index` for a folder's own page. */
export function route(
  id: string,
  path: string | undefined,
  module: RouteModule,
  { index = false }: { index?: boolean } = {},
) {
  return {
    id,
    parentId: id === "root" ? undefined : "root",
    path,
    index,
    caseSensitive: undefined,
    module,
  };
}

function manifestOf(routes: Record<string, ReturnType<typeof route>>) {
  return Object.fromEntries(
    Object.values(routes).map(({ id, parentId, path, index, module }) => [
      id,
      {
        id,
        parentId,
        path,
        index,
        module: `/assets/${id}.js`,
        hasLoader: "loader" in module,
        hasAction: "action" in module,
        hasErrorBoundary: "ErrorBoundary" in module,
        hasClientLoader: false,
        hasClientAction: false,
      },
    ]),
  );
}

type Document = (request: Request, status: number, headers: Headers) => Response;

/**
 * A React Router server build of a few routes, for tests that drive the real request handler
 * (`@react-router/express`) without building the app: the document is whatever `document`
 * answers (by default an empty page; the app's own entry renders the routes), with the entry's
 * `handleError` when given.
 */
export function serverBuild(
  routes: Record<string, ReturnType<typeof route>>,
  entry: { document?: Document; handleError?: unknown } = {},
): ServerBuild {
  const document: Document =
    entry.document ??
    ((_request, status, headers) => new Response("<!doctype html>", { status, headers }));
  return {
    mode: "production",
    entry: {
      module: {
        default: document,
        ...(entry.handleError ? { handleError: entry.handleError } : {}),
      },
    },
    routes,
    // The browser's manifest of the same routes: the document's router renders from it.
    assets: {
      entry: { module: "/assets/entry.client.js", imports: [] },
      routes: manifestOf(routes),
      url: "/assets/manifest.js",
      version: "1",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

/** A hand-made build served by React Router's real Express handler on a loopback port, as server/index.ts serves the app. */
export async function serveBuild(build: ServerBuild) {
  const app = express();
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req) =>
        contextWith({ cspNonce: "", clientAddress: req.ip ?? "unknown", requestId: "test" }),
    }),
  );
  return listen(app);
}
