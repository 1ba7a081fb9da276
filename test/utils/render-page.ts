import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { bodyOf, routeArgs, withRouteProps, type RouteFunction } from "./responses";
import { signedInRequest } from "./session";

export type PageModule = {
  loader: RouteFunction;
  action?: RouteFunction;
  default: ComponentType<never>;
};

/**
 * A page rendered on the server with its loader's data, as the browser gets it for `viewerId`,
 * and that data: the route at `pattern`, asked for at `path`. A loader that answers with a
 * response (a redirect, an error) fails the test.
 * `posted`: the page as a browser without JavaScript gets it after sending that form: the action's
 * answer (a refusal, with its status), then the loader, in one document.
 */
export async function renderPage<T = unknown>(
  module: PageModule,
  pattern: string,
  path: string,
  viewerId: string,
  posted?: URLSearchParams,
): Promise<{ html: string; view: T; status: number }> {
  let view: T | undefined;
  type Args = { request: Request; params: Record<string, string | undefined> };
  const route = {
    id: "page",
    path: pattern,
    loader: async ({ request, params }: Args) =>
      (view = bodyOf<T>(await module.loader(routeArgs(request, params as Record<string, string>)))),
    action:
      module.action &&
      (({ request, params }: Args) =>
        module.action!(routeArgs(request, params as Record<string, string>))),
    Component: withRouteProps(module.default),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(
    await signedInRequest(path, viewerId, posted ? { method: "POST", body: posted } : undefined),
  );
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    createElement(StaticRouterProvider, { router, context, hydrate: false }),
  );
  const twice = idsTwice(html);
  if (twice.length > 0) throw new Error(`ids that appear twice on ${path}: ${twice.join(", ")}`);
  return { html, view: view!, status: context.statusCode };
}

/** Ids that appear more than once: a label's `for` or an input's `form` finds only the first. */
export function idsTwice(html: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) {
    if (seen.has(id!)) twice.add(id!);
    else seen.add(id!);
  }
  return [...twice];
}
