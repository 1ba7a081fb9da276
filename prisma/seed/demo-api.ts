import { db } from "../../app/db/client.server.ts";
import { issueApiToken } from "../../app/modules/api/tokens.server.ts";

export const DEMO_API_TOKEN_NAME = "Metabase (demo)";

/**
 * One API token on the admins' page, as a company's BI dashboard would hold: issued by Priya Raman
 * (an admin) with the read scopes a dashboard needs. Its secret is made at random and shown to
 * nobody, so the demo's database gives no way into its API; an admin issues their own to try it.
 */
export async function seedDemoApi(): Promise<void> {
  if (await db.apiToken.count({ where: { name: DEMO_API_TOKEN_NAME } })) return;
  const issuer = await db.user.findUnique({ where: { email: "priya.raman@example.com" }, select: { id: true, isAdmin: true } });
  if (!issuer?.isAdmin) return;
  await issueApiToken(issuer.id, DEMO_API_TOKEN_NAME, ["people:read", "outcomes:read", "aggregates:read"]);
}
