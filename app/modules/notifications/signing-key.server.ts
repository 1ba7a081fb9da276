import { randomBytes } from "node:crypto";
import { writeRows } from "~/db/reads.server";
import { db, Prisma } from "~/db/client.server";

/**
 * The key that signs unsubscribe links: made once, on first use, and kept in the database
 * so every app server signs and checks links alike, with nothing to configure.
 */
let cached: string | undefined;

export async function signingKey(): Promise<string> {
  if (cached) return cached;
  await writeRows(db, Prisma.sql`INSERT INTO "NotificationKey" (id, secret) VALUES (1, ${randomBytes(32).toString("base64url")}) ON CONFLICT (id) DO NOTHING`);
  const row = await db.notificationKey.findUniqueOrThrow({ where: { id: 1 }, select: { secret: true } });
  cached = row.secret;
  return cached;
}
