import { Writable } from "node:stream";
import {
  ServerRouter,
  isRouteErrorResponse,
  type EntryContext,
  type RouterContextProvider,
} from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nOf, notingNamespaces, withNamespaces } from "./i18n/i18n.server";
import { logError } from "./utils/log.server";
import { NonceProvider } from "./utils/nonce";
import { serverFacts } from "./utils/server-facts";
import { documentShipsScripts, withoutHandoff } from "./utils/page-scripts";
// Every workflow registers its to-do provider and deactivation hook before any request is served.
import "./modules/workflows.server";

export const streamTimeout = 5_000;

/**
 * Renders the whole document before answering, as one body. No page defers data (every
 * loader has resolved before rendering starts), so streaming the shell first would only
 * split the same bytes into many small writes; one buffer is one write.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  // https://httpwg.org/specs/rfc9110.html#HEAD: the headers a GET would have, no body.
  if (request.method === "HEAD")
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  const nonce = loadContext.get(serverFacts).cspNonce ?? "";
  // A page that works whole as HTML goes without the app's scripts (decision 134), so without the
  // data they would hydrate from and the namespaces they would fetch.
  const scripted = documentShipsScripts(
    routerContext.staticHandlerContext.matches.map(
      (match) => routerContext.routeModules[match.route.id]?.handle,
    ),
  );
  const context = scripted ? routerContext : withoutHandoff(routerContext);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(
          new Response(
            scripted ? withNamespaces(Buffer.concat(chunks), used) : Buffer.concat(chunks),
            {
              headers: responseHeaders,
              status: responseStatusCode,
            },
          ),
        );
        callback();
      },
    });
    // The namespaces its words come from, named in the page for the browser to fetch (decision 104).
    const used = new Set<string>();
    const { pipe, abort } = notingNamespaces(used, () =>
      renderToPipeableStream(
        <I18nextProvider i18n={i18nOf(loadContext)}>
          <NonceProvider value={nonce}>
            <ServerRouter context={context} url={request.url} nonce={nonce} />
          </NonceProvider>
        </I18nextProvider>,
        {
          nonce,
          // Every boundary written in place, never outlined for a script to reveal: a page reads
          // whole without JavaScript (the root's Suspense boundary holds the whole page).
          progressiveChunkSize: Number.POSITIVE_INFINITY,
          onShellReady() {
            shellRendered = true;
          },
          onAllReady() {
            clearTimeout(timeout);
            pipe(body);
          },
          onShellError(error: unknown) {
            clearTimeout(timeout);
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (shellRendered) console.error(error);
          },
        },
      ),
    );
    const timeout = setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: Readonly<RouterContextProvider> },
) {
  // An aborted request, or an answer like 404 that a loader chose, is not a server error.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  logError("request failed", error, {
    requestId: context.get(serverFacts).requestId,
    method: request.method,
    path: new URL(request.url).pathname,
  });
}
