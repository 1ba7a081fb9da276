import { createHmac, timingSafeEqual } from "node:crypto";
import { isMessageKind, type MessageKind } from "./preferences";

/**
 * The token of a one-click unsubscribe link: who and which kind of message, signed with
 * the installation's key (HMAC-SHA256), so the link works without signing in and changes
 * nothing but that person's choice for that kind.
 */

function signature(key: string, personId: string, kind: MessageKind): Buffer {
  return createHmac("sha256", key).update(`unsubscribe\n${personId}\n${kind}`).digest();
}

export function unsubscribeToken(key: string, personId: string, kind: MessageKind): string {
  const subject = Buffer.from(`${personId}:${kind}`).toString("base64url");
  return `${subject}.${signature(key, personId, kind).toString("base64url")}`;
}

/** The person and kind a token names, or null when it is malformed or not signed with this key. */
export function readUnsubscribeToken(key: string, token: string): { personId: string; kind: MessageKind } | null {
  const [subject, given, extra] = token.split(".");
  if (!subject || !given || extra !== undefined) return null;
  const [personId, kind, rest] = Buffer.from(subject, "base64url").toString("utf8").split(":");
  if (!personId || !kind || rest !== undefined || !isMessageKind(kind)) return null;
  const expected = signature(key, personId, kind);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { personId, kind };
}
