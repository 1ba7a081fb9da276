import { db } from "~/db/client.server";
import { accountRule, addressRule, lockRemaining, recordFailure, type ThrottleRule } from "./throttle";

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The longest remaining lock over the given keys, in milliseconds (0 = free to try). */
export async function throttleWait(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  return Math.max(0, ...rows.map((row) => lockRemaining(row, now)));
}

async function fail(key: string, rule: ThrottleRule, now: Date) {
  await db.$transaction(async (tx) => {
    const current = await tx.loginThrottle.findUnique({ where: { key } });
    const next = recordFailure(current, rule, now);
    await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  });
}

export async function recordLoginFailure(email: string, address: string, now = new Date()) {
  await fail(accountKey(email), accountRule, now);
  await fail(addressKey(address), addressRule, now);
}

export async function clearAccountThrottle(email: string) {
  await db.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
}
