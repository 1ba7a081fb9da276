import type { RouterContextProvider } from "react-router";
import { sessionStillActive } from "~/modules/identity/sessions/session.server";
import { serverFacts } from "~/utils/server-facts";

/** Heartbeats keep proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for one watched thing (a calibration session, a live check-in's room): a
 * `change` event whenever `watch` hears that it changed, and nothing else; the page then reloads
 * its data through its own loader. The route checks who may watch before it calls this. The stream
 * outlives the sign-in it was opened with, so before each event and heartbeat it checks that the
 * sign-in (`signInId`) still stands, and ends once it does not (signed out, revoked, expired,
 * deactivated). It ends too when the browser goes away or the server begins to stop.
 */
export function changeEventStream({
  request,
  context,
  signInId,
  watch,
}: {
  request: Request;
  context: Readonly<RouterContextProvider>;
  signInId: string;
  /** Starts hearing changes (calling `onChange` for each); resolves to the function that stops. */
  watch: (onChange: () => void) => Promise<() => void>;
}): Response {
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
      const unwatch = await watch(() => sendWhileSignedIn("event: change\ndata: {}\n\n"));
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
}
