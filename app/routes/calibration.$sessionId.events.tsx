import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedIn, sessionStillActive } from "~/modules/identity/sessions/session.server";
import { watchSession } from "~/modules/calibration/live.server";
import { requireSessionAccess } from "~/modules/calibration/sessions.server";
import { withDomainErrors } from "~/utils/http.server";

/** Heartbeats keep proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for one session: a `change` event whenever anything in it changes, for
 * anyone who may see the session (everyone else gets the same 404 as for the page). The page
 * then reloads its data through its own loader. The stream outlives the sign-in it was opened
 * with, so before each event and heartbeat it checks that the sign-in still stands, and ends
 * once it does not (signed out, revoked, expired, deactivated).
 */
export const loader = withDomainErrors(async ({ request, params, context }: LoaderFunctionArgs) => {
  const { viewer, sessionId: signInId } = await requireSignedIn(request);
  const session = await requireSessionAccess(viewer, params.sessionId ?? "");
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const sendWhileSignedIn = (text: string) =>
        void sessionStillActive(signInId).then(
          (active) => (active ? send(text) : end()),
          () => end(),
        );
      const unwatch = await watchSession(session.id, () => sendWhileSignedIn("event: change\ndata: {}\n\n"));
      const heartbeat = setInterval(() => sendWhileSignedIn(": heartbeat\n\n"), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unwatch();
        context.serverStopping?.removeEventListener("abort", end);
      };
      request.signal.addEventListener("abort", end);
      // The server is stopping: the stream ends now (the browser reconnects to another server).
      context.serverStopping?.addEventListener("abort", end);
      send("retry: 2000\n\n");
      if (context.serverStopping?.aborted) end();
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
