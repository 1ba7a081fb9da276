import { db } from "~/db/client.server";

/** The email outbox by status (queued, sent, failed, skipped, combined), read when /metrics is scraped. */
export async function outboxCounts(): Promise<{ labels: { status: string }; value: number }[]> {
  const groups = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return groups.map((group) => ({ labels: { status: group.status }, value: group._count._all }));
}
