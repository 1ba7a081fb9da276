import { createHmac, randomBytes } from "node:crypto";

/**
 * How a delivery is signed (docs/api-and-webhooks.md shows receivers how to check it): the
 * header `Rungs-Signature: t=<unix seconds>,v1=<hex>`, where the hex is HMAC-SHA256 with the
 * endpoint's secret over `<t>.<body>`. The time is the attempt's and each retry is signed anew, so
 * a receiver can refuse a delivery replayed later (the docs' check allows five minutes).
 */

export const SIGNATURE_HEADER = "Rungs-Signature";
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

export function signatureHeader(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
