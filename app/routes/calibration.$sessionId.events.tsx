import type { Route } from "./+types/calibration.$sessionId.events";
import { requireSignedIn } from "~/modules/identity/sessions/session.server";
import { watchSession } from "~/modules/calibration/live.server";
import { requireSessionAccess } from "~/modules/calibration/sessions.server";
import { changeEventStream } from "~/utils/event-stream.server";
import { withDomainErrors } from "~/utils/http.server";

/**
 * Server-sent events for one session: a `change` event whenever anything in it changes, for
 * anyone who may see the session (everyone else gets the same 404 as for the page). The stream
 * itself (heartbeats, the sign-in checked before each event, its end) is
 * app/utils/event-stream.server.ts.
 */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const { viewer, sessionId: signInId } = await requireSignedIn(request);
  const session = await requireSessionAccess(viewer, params.sessionId ?? "");
  return changeEventStream({
    request,
    context,
    signInId,
    watch: (onChange) => watchSession(session.id, onChange),
  });
});
