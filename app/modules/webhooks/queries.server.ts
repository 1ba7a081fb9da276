import { z } from "zod";
import { readRows } from "~/db/reads.server";
import { Prisma } from "~/db/client.server";
import { parseRows, sqlInt } from "~/db/rows";
import { getEnv } from "~/utils/env.server";
import { isWebhookEventKind, type WebhookEventKind } from "./events";

/** The event kinds an endpoint's stored list names (kinds no longer told of are left out). */
export function wantedKinds(stored: string): WebhookEventKind[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed)
    ? parsed.filter(
        (kind): kind is WebhookEventKind => typeof kind === "string" && isWebhookEventKind(kind),
      )
    : [];
}

const claimedRow = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  attempts: sqlInt,
});
export type ClaimedDelivery = z.output<typeof claimedRow>;

/**
 * Takes up to `limit` queued deliveries that are due and that no other pass holds, for `worker`
 * until `until`, as the email outbox claims its messages (notifications/queries.server.ts): on
 * PostgreSQL rows another server is claiming are skipped (FOR UPDATE SKIP LOCKED); SQLite has one
 * writer at a time, so its one UPDATE is already exclusive. `only` limits it to chosen deliveries
 * (an admin's test, sent at once).
 */
export async function claimDueDeliveries(
  worker: string,
  now: Date,
  until: Date,
  limit: number,
  only?: readonly string[],
): Promise<ClaimedDelivery[]> {
  if (only && !only.length) return [];
  const lock =
    getEnv().databaseProvider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const chosen = only ? Prisma.sql`AND id IN (${Prisma.join(only)})` : Prisma.empty;
  const rows = await readRows(Prisma.sql`
    UPDATE "WebhookDelivery" SET "claimedBy" = ${worker}, "claimedUntil" = ${until}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'queued' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now}) ${chosen}
      ORDER BY "createdAt", id
      LIMIT ${limit}
      ${lock}
    )
    RETURNING id, "endpointId", "eventId", attempts`);
  return parseRows(claimedRow, rows);
}
