import { createHmac, timingSafeEqual } from "node:crypto";
import { isMessageKind, type MessageKind } from "./preferences";

/**
 * The token of a one-click unsubscribe link: who and which kinds of message, signed with the
 * installation's key (HMAC-SHA256), so the link works without signing in and changes nothing but
 * that person's choice for those kinds. A message of one kind names that kind; an email that
 * brings several kinds at once names them all (its one-click link stops every kind in it).
 */

function signature(key: string, personId: string, kinds: readonly MessageKind[]): Buffer {
  return createHmac("sha256", key)
    .update(`unsubscribe\n${personId}\n${kinds.join("+")}`)
    .digest();
}

export function unsubscribeToken(
  key: string,
  personId: string,
  kinds: readonly [MessageKind, ...MessageKind[]],
): string {
  const subject = Buffer.from(`${personId}:${kinds.join("+")}`).toString("base64url");
  return `${subject}.${signature(key, personId, kinds).toString("base64url")}`;
}

/** The person and kinds a token names, or null when it is malformed or not signed with this key. */
export function readUnsubscribeToken(
  key: string,
  token: string,
): { personId: string; kinds: MessageKind[] } | null {
  const [subject, given, extra] = token.split(".");
  if (!subject || !given || extra !== undefined) return null;
  const [personId, named, rest] = Buffer.from(subject, "base64url").toString("utf8").split(":");
  if (!personId || !named || rest !== undefined) return null;
  const kinds = named.split("+");
  if (!kinds.every(isMessageKind) || new Set(kinds).size !== kinds.length) return null;
  const expected = signature(key, personId, kinds);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { personId, kinds };
}
