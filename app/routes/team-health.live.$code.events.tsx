import type { Route } from "./+types/team-health.live.$code.events";
import { requireSignedIn } from "~/modules/identity/sessions/session.server";
import { liveRoomAccess } from "~/modules/team-health/live.server";
import { watchCheckIn } from "~/modules/team-health/live-updates.server";
import { changeEventStream } from "~/utils/event-stream.server";
import { withDomainErrors } from "~/utils/http.server";

/**
 * Server-sent events for a live check-in's room (decision 112), as calibration's meeting mode has
 * them: a `change` event whenever it changes (an answer or a skip, its close), for anyone who may
 * see the room (everyone else gets the same 404 as for the page). The stream itself (heartbeats,
 * the sign-in checked before each event, its end) is app/utils/event-stream.server.ts.
 */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const { viewer, sessionId: signInId } = await requireSignedIn(request);
  const { checkInId } = await liveRoomAccess(viewer, params.code ?? "");
  return changeEventStream({
    request,
    context,
    signInId,
    watch: (onChange) => watchCheckIn(checkInId, onChange),
  });
});
