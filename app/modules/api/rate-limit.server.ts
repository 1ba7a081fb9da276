import { db } from "~/db/client.server";
import { lockRemaining, recordFailure } from "~/modules/identity/passwords/throttle";
import { rateRule } from "./policy";

/**
 * Each token's calls are counted as sign-in failures are (identity/passwords/throttle.ts), in the
 * same table, so every app server counts the same calls: a key per token, a window of a minute, and
 * once the token has made its calls for the window it waits until the window's lock ends.
 */

const keyOf = (tokenId: string) => `api-token:${tokenId}`;

/** Counts one call; the milliseconds to wait when the token has used up its calls (0 = go ahead). */
export async function countCall(
  tokenId: string,
  perMinute: number,
  now = new Date(),
): Promise<number> {
  const key = keyOf(tokenId);
  return db.$transaction(async (tx) => {
    const current = await tx.loginThrottle.findUnique({ where: { key } });
    const wait = lockRemaining(current, now);
    if (wait > 0) return wait;
    const next = recordFailure(current, rateRule(perMinute), now);
    await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    return 0;
  });
}
