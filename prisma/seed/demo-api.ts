import { db } from "../../app/db/client.server.ts";
import { issueApiToken } from "../../app/modules/api/tokens.server.ts";

export const DEMO_API_TOKEN_NAME = "Metabase (demo)";
export const DEMO_PERSON_TOKEN_NAME = "My team sheet (demo)";

/**
 * One API token on the admins' page, as a company's BI dashboard would hold: issued by Priya Raman
 * (an admin) with the read scopes a dashboard needs; and one on Sam Okafor's account page, as a
 * manager's own spreadsheet of their team would hold, reading what his pages show him. Their secrets
 * are made at random and shown to nobody, so the demo's database gives no way into its API; anyone
 * issues their own to try it.
 */
export async function seedDemoApi(): Promise<void> {
  const seeded = new Set(
    (
      await db.apiToken.findMany({
        where: { name: { in: [DEMO_API_TOKEN_NAME, DEMO_PERSON_TOKEN_NAME] } },
        select: { name: true },
      })
    ).map((token) => token.name),
  );
  const [issuer, manager] = await Promise.all(
    ["priya.raman@example.com", "sam.okafor@example.com"].map((email) =>
      db.user.findUnique({ where: { email }, select: { id: true, isAdmin: true } }),
    ),
  );
  if (issuer?.isAdmin && !seeded.has(DEMO_API_TOKEN_NAME))
    await issueApiToken(issuer.id, DEMO_API_TOKEN_NAME, [
      "people:read",
      "outcomes:read",
      "aggregates:read",
    ]);
  if (manager && !seeded.has(DEMO_PERSON_TOKEN_NAME))
    await issueApiToken(
      manager.id,
      DEMO_PERSON_TOKEN_NAME,
      ["people:read", "outcomes:read"],
      "person",
    );
}
