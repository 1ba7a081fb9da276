import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/identity/passwords/password.server";
import { maySignInWithLink } from "~/modules/identity/policy";
import { getEnv } from "~/utils/env.server";
import { db } from "~/db/client.server";
import type { Message } from "~/i18n/messages";
import { NotFoundError } from "~/modules/errors";

/**
 * One-time links to set or reset a password. There is no mail server: an admin
 * creates a link and passes it on. Only the token's SHA-256 is stored, so a copy of
 * the database cannot be used to sign in.
 */

export const SIGN_IN_LINK_DAYS = 7;

export function hashSignInToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function signInLinkPath(token: string): string {
  return `/set-password/${token}`;
}

/**
 * Creates a link for the person and revokes their earlier unused ones. The token is returned once
 * and never stored. It expires on the machine's time, not the app's clock (decision 078).
 */
export async function createSignInLink(
  actorId: string,
  personId: string,
  now = new Date(),
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; message: Message }> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { name: true, deactivatedAt: true, isAdmin: true },
  });
  if (!person) throw new NotFoundError({ key: "people:errors.noSuchPerson" });
  if (person.deactivatedAt)
    return {
      ok: false,
      message: { key: "people:edit.errors.linkDeactivated", values: { name: person.name } },
    };
  if (!maySignInWithLink(getEnv().passwordLogin, person)) {
    return {
      ok: false,
      message: { key: "people:edit.errors.linkPasswordsOff", values: { name: person.name } },
    };
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    const revoked = await tx.passwordToken.deleteMany({
      where: { userId: personId, usedAt: null },
    });
    await tx.passwordToken.create({
      data: {
        tokenHash: hashSignInToken(token),
        userId: personId,
        createdById: actorId,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "person.sign_in_link_created",
      subjectType: "person",
      subjectId: personId,
      detail: { expiresAt: expiresAt.toISOString(), revokedEarlierLinks: revoked.count },
    });
  });
  return { ok: true, token, expiresAt };
}

type UsableLink = { tokenId: string; person: { id: string; name: string; email: string } };

/** The link's person, or null when the token is unknown, used, expired, for a deactivated person, or for someone who is no admin while passwords are off. */
export async function findUsableSignInLink(
  token: string,
  now = new Date(),
): Promise<UsableLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashSignInToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true, isAdmin: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.deactivatedAt) return null;
  if (!maySignInWithLink(getEnv().passwordLogin, row.user)) return null;
  return {
    tokenId: row.id,
    person: { id: row.user.id, name: row.user.name, email: row.user.email },
  };
}

/**
 * Sets the password and uses up the link, in one transaction; also ends every
 * session the person had (a reset must lock out whoever else was signed in).
 * The claim is a conditional update, so two submissions of one link cannot both win.
 */
export async function setPasswordWithLink(
  token: string,
  password: string,
  now = new Date(),
): Promise<{ ok: true; personId: string } | { ok: false }> {
  const link = await findUsableSignInLink(token, now);
  if (!link) return { ok: false };
  const hash = await hashPassword(password);
  const personId = link.person.id;
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordToken.updateMany({
      where: { id: link.tokenId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const };
    await tx.password.upsert({
      where: { userId: personId },
      create: { userId: personId, hash },
      update: { hash },
    });
    const ended = await tx.session.deleteMany({ where: { userId: personId } });
    await recordAuditEvent(tx, {
      actorId: personId,
      action: "person.password_set_with_link",
      subjectType: "person",
      subjectId: personId,
      detail: { endedSessions: ended.count },
    });
    return { ok: true as const, personId };
  });
}
