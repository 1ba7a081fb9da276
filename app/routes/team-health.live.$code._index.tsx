import { redirect } from "react-router";
import type { Route } from "./+types/team-health.live.$code._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/modules/identity/permissions.server";
import { formatLiveCode } from "~/modules/team-health/live";
import { liveDestination } from "~/modules/team-health/live.server";
import { withDomainErrors } from "~/utils/http.server";

/**
 * A live check-in's address, read aloud in a retro: whoever was asked and has not answered goes to
 * the check-in's answer page, anyone else who may read the team's results to the room, and
 * everyone else (and every wrong code) gets the same 404 (decision 112).
 */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const found = await liveDestination(viewer, params.code);
  throw redirect(
    found.to === "answer"
      ? `/team-health/${found.checkInId}`
      : `/team-health/live/${formatLiveCode(found.code)}/room`,
  );
});

/** Never shown: the loader always sends the viewer on (or refuses them with the 404 page below). */
export default function LiveCode() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
