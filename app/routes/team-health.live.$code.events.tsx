import type { Route } from "./+types/team-health.live.$code.events";
import { requireSignedIn, sessionStillActive } from "~/modules/identity/sessions/session.server";
import { liveRoomAccess } from "~/modules/team-health/live.server";
import { watchCheckIn } from "~/modules/team-health/live-updates.server";
import { withDomainErrors } from "~/utils/http.server";
import { serverFacts } from "~/utils/server-facts";

/** Heartbeats keep proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for a live check-in's room (decision 112), as calibration's meeting mode has
 * them: a `change` event whenever it changes (an answer or a skip, its close), for anyone who may
 * see the room (everyone else gets the same 404 as for the page). Events carry nothing else. The page
 * then reloads its data through its own loader. The stream outlives the sign-in it was opened
 * with, so before each event and heartbeat it checks that the sign-in still stands, and ends
 * once it does not (signed out, revoked, expired, deactivated).
 */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const { viewer, sessionId: signInId } = await requireSignedIn(request);
  const { checkInId } = await liveRoomAccess(viewer, params.code ?? "");
  const { serverStopping } = context.get(serverFacts);
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
      const unwatch = await watchCheckIn(checkInId, () =>
        sendWhileSignedIn("event: change\ndata: {}\n\n"),
      );
      const heartbeat = setInterval(() => sendWhileSignedIn(": heartbeat\n\n"), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unwatch();
        serverStopping?.removeEventListener("abort", end);
      };
      request.signal.addEventListener("abort", end);
      // The server is stopping: the stream ends now (the browser reconnects to another server).
      serverStopping?.addEventListener("abort", end);
      send("retry: 2000\n\n");
      if (serverStopping?.aborted) end();
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
