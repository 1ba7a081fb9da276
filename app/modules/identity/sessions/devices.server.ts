import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { getEnv } from "~/utils/env.server";

/**
 * Known devices: a browser that signed in to an account gets a long-lived, httpOnly
 * cookie with a random token; only its hash is stored, with the account. Sign-in
 * throttling counts such a browser on its own (throttle.ts).
 */

const COOKIE = "rungs_device";
const YEAR_SECONDS = 365 * 24 * 60 * 60;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The device token the request carries, if any. */
export function deviceTokenOf(cookieHeader: string | null): string | null {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`).exec(
    cookieHeader ?? "",
  );
  return match ? match[1]! : null;
}

/** The hash of the request's device token when that device has signed in to this account before, else null. */
export async function knownDeviceFor(email: string, token: string | null): Promise<string | null> {
  if (!token) return null;
  const tokenHash = hashOf(token);
  const device = await db.knownDevice.findFirst({
    where: { tokenHash, user: { email: email.trim().toLowerCase() } },
    select: { tokenHash: true },
  });
  return device?.tokenHash ?? null;
}

/** Records the browser as a known device of the account; returns the Set-Cookie value that carries its token. */
export async function rememberDevice(userId: string, token: string | null): Promise<string> {
  const kept = token ?? randomBytes(32).toString("base64url");
  await createUnlessExists(db, (client) =>
    client.knownDevice.create({ data: { tokenHash: hashOf(kept), userId } }),
  );
  const secure = getEnv().secureCookies ? "; Secure" : "";
  return `${COOKIE}=${kept}; Path=/; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}
