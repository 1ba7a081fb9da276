import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "./env.server";

/**
 * Secrets Rungs keeps for others (a webhook endpoint's signing secret) sealed at rest with
 * AES-256-GCM under SECRETS_KEYS, so the database and its backups do not hold them in clear: the
 * first key seals, every key opens (rotation). Without keys a secret is kept as it is, and one
 * sealed earlier cannot be opened until its key is given back.
 */
const SEALED = "sealed:v1:";

const keysOf = (keys: readonly string[] | undefined) =>
  (keys ?? []).map((key) => Buffer.from(key, "base64"));

/** The secret as it is stored: sealed with the first key, or as it is without keys. */
export function sealSecret(secret: string, keys = getEnv().SECRETS_KEYS): string {
  const [key] = keysOf(keys);
  if (!key) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

export class SecretUnopenedError extends Error {}

/** The secret a stored value holds; a sealed one needs the key it was sealed with among the keys. */
export function openSecret(stored: string, keys = getEnv().SECRETS_KEYS): string {
  if (!stored.startsWith(SEALED)) return stored;
  const bytes = Buffer.from(stored.slice(SEALED.length), "base64url");
  const [iv, tag, sealed] = [bytes.subarray(0, 12), bytes.subarray(12, 28), bytes.subarray(28)];
  for (const key of keysOf(keys)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
    } catch {
      // Sealed with another key: try the next.
    }
  }
  throw new SecretUnopenedError("A secret is sealed with a key SECRETS_KEYS does not hold.");
}
