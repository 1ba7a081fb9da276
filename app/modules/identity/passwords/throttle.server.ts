import { db } from "~/db/client.server";
import { lockRemaining, recordFailure, type ThrottleKey } from "./throttle";
import { largest } from "~/utils/extremes";

/** The longest remaining lock over the given keys, in milliseconds (0 = free to try). */
export async function throttleWait(
  keys: readonly ThrottleKey[],
  now = new Date(),
): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.map((entry) => entry.key) } },
  });
  return largest(
    rows.map((row) => lockRemaining(row, now)),
    0,
  );
}

/** One more failure on each key, each in its own short transaction. */
export async function recordLoginFailure(keys: readonly ThrottleKey[], now = new Date()) {
  for (const { key, rule } of keys) {
    await db.$transaction(async (tx) => {
      const current = await tx.loginThrottle.findUnique({ where: { key } });
      const next = recordFailure(current, rule, now);
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    });
  }
}

/** After a successful sign-in: the counts it clears start again (throttle.ts says which). */
export async function clearThrottles(keys: readonly ThrottleKey[]) {
  await db.loginThrottle.deleteMany({
    where: {
      key: { in: keys.filter((entry) => entry.clearedBySuccess).map((entry) => entry.key) },
    },
  });
}
