/**
 * The part of the server that Vite builds with the app (into build/server/index.js, React
 * Router's custom-server layout): React Router's request handler and the context every request
 * starts with. It is built with the app so that the context's key (app/utils/server-facts.ts) is
 * the app's own object: a copy of that module loaded beside the build would be another key.
 */
import { createRequestHandler } from "@react-router/express";
import * as build from "virtual:react-router/server-build";
import { contextWith } from "../app/utils/server-facts";
import { routePatterns } from "./route-patterns";

/** Every route's pattern, for labelling metrics (server/route-patterns.ts). */
export const patterns = routePatterns(build.routes);

/** React Router's handler for Express; `serverStopping` ends long-lived answers when the server begins to stop. */
export function reactRouterHandler(
  serverStopping: AbortSignal,
  mode: "development" | "production",
) {
  return createRequestHandler({
    build,
    mode,
    getLoadContext: (req, res) =>
      contextWith({
        cspNonce: res.locals.cspNonce as string,
        // Worked out from the trusted proxies' headers only when asked (signing in): most requests never ask.
        get clientAddress() {
          return req.ip ?? "unknown";
        },
        requestId: res.locals.requestId as string,
        serverStopping,
      }),
  });
}
