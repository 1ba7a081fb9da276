import { db } from "~/db/client.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { describeWait } from "./throttle";
import { accountKey, addressKey, clearAccountThrottle, recordLoginFailure, throttleWait } from "./throttle.server";

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "throttled" | "invalid"; message: string };

const invalid: LoginResult = { ok: false, reason: "invalid", message: "That email and password do not match an active account." };

/** Checks a sign-in attempt against the throttle and the stored password hash. */
export async function attemptLogin(email: string, password: string, clientAddress: string): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase();
  const wait = await throttleWait([accountKey(normalised), addressKey(clientAddress)]);
  if (wait > 0) {
    return {
      ok: false,
      reason: "throttled",
      message: `Too many failed sign-in attempts. Try again in ${describeWait(wait)}, or ask an admin for a password reset link.`,
    };
  }
  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  const matches = await verifyPassword(user?.password?.hash ?? (await dummyPasswordHash()), password);
  if (!user || !user.password || !matches || user.deactivatedAt) {
    await recordLoginFailure(normalised, clientAddress);
    return invalid;
  }
  await clearAccountThrottle(normalised);
  return { ok: true, userId: user.id };
}
