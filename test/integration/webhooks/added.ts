import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { bodyOf, routeArgs } from "../../utils/responses";
import { followedWithCookie } from "../../utils/session";

/**
 * What the admins' webhooks page shows after its form added an endpoint (decision 154): the
 * endpoint and its secret, carried once across the redirect; null when the form was refused.
 */
export async function addedOf(answer: unknown, adminId: string) {
  if (!(answer instanceof Response)) return null;
  return bodyOf<{ added: { id: string; url: string; secret: string } | null }>(
    await webhooksRoute.loader(routeArgs(await followedWithCookie(answer, adminId))),
  ).added;
}
