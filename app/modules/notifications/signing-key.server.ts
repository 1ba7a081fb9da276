import { randomBytes } from "node:crypto";
import { db } from "~/db/client.server";

/**
 * The key that signs unsubscribe links: made once, on first use, and kept in the database
 * so every app server signs and checks links alike, with nothing to configure.
 */
let cached: string | undefined;

export async function signingKey(): Promise<string> {
  cached ??= await storedKey();
  return cached;
}

/** The stored key, made first when there is none. Servers starting at once may both make one: the first kept wins (the row's id is 1). */
async function storedKey(): Promise<string> {
  const stored = await db.notificationKey.findUnique({
    where: { id: 1 },
    select: { secret: true },
  });
  if (stored) return stored.secret;
  try {
    return (
      await db.notificationKey.create({
        data: { id: 1, secret: randomBytes(32).toString("base64url") },
        select: { secret: true },
      })
    ).secret;
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (
      await db.notificationKey.findUniqueOrThrow({ where: { id: 1 }, select: { secret: true } })
    ).secret;
  }
}
