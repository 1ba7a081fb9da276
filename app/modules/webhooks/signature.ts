import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * How a delivery is signed (the README's "Webhooks" section shows receivers the same): the header
 * `Rungs-Signature: t=<unix seconds>,v1=<hex>`, where the hex is HMAC-SHA256 with the endpoint's
 * secret over `<t>.<body>`. The time is the attempt's, so a receiver can refuse an old delivery
 * replayed (TOLERANCE_SECONDS); a retry is signed anew.
 */

export const SIGNATURE_HEADER = "Rungs-Signature";
export const TOLERANCE_SECONDS = 5 * 60;
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

/** Whether `header` signs `body` with `secret` within the tolerance of `now`. */
export function verifySignature(secret: string, header: string, body: string, now: Date, toleranceSeconds = TOLERANCE_SECONDS): boolean {
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(digest(secret, timestamp, body), "hex");
  const actual = Buffer.from(given, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
