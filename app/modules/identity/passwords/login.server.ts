import { db } from "~/db/client.server";
import type { Message } from "~/i18n/messages";
import { metrics } from "~/platform/metrics.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { knownDeviceFor, rememberDevice } from "../sessions/devices.server";
import { throttleKeys, waitMinutes } from "./throttle";
import { clearThrottles, recordLoginFailure, throttleWait } from "./throttle.server";

/** On success, `deviceCookie` is the Set-Cookie value that keeps this browser a known device of the account. */
export type LoginResult =
  | { ok: true; userId: string; deviceCookie: string }
  | { ok: false; reason: "throttled" | "invalid"; message: Message };

const invalid: LoginResult = {
  ok: false,
  reason: "invalid",
  message: { key: "auth:login.errors.noMatch" },
};

/** Checks a sign-in attempt against the throttle (throttle.ts) and the stored password hash. */
export async function attemptLogin(
  email: string,
  password: string,
  clientAddress: string,
  deviceToken: string | null = null,
): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys({
    email: normalised,
    address: clientAddress,
    knownDevice: await knownDeviceFor(normalised, deviceToken),
  });
  const wait = await throttleWait(keys);
  if (wait > 0) {
    metrics().loginFailures.inc({ reason: "throttled" });
    return {
      ok: false,
      reason: "throttled",
      message: { key: "auth:login.errors.throttled", values: { minutes: waitMinutes(wait) } },
    };
  }
  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  const matches = await verifyPassword(
    user?.password?.hash ?? (await dummyPasswordHash()),
    password,
  );
  if (!user || !user.password || !matches || user.deactivatedAt) {
    await recordLoginFailure(keys);
    metrics().loginFailures.inc({ reason: "invalid" });
    return invalid;
  }
  await clearThrottles(keys);
  return { ok: true, userId: user.id, deviceCookie: await rememberDevice(user.id, deviceToken) };
}
