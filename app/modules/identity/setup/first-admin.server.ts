import { randomBytes } from "node:crypto";
import { db } from "~/db/client.server";
import { lockTransaction } from "~/db/locks.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/identity/passwords/password.server";
import {
  hashSignInToken,
  signInLinkPath,
} from "~/modules/identity/sign-in-links/sign-in-link.server";
import type { Message } from "~/i18n/messages";
import type { FirstAdminValue } from "./first-admin-form";

/**
 * The way in on a new installation. On the first start of a database with nobody in it
 * the server logs a one-time setup link; its page lets the first person become the first
 * admin. `npm run admin` makes someone an admin from a shell and prints a one-time sign-in
 * link, on any database. Only a token's SHA-256 is stored; no setup link works once an
 * admin exists.
 */

export const SETUP_LINK_HOURS = 24;
const HOUR = 60 * 60 * 1000;

export function setupLinkPath(token: string): string {
  return `/setup/${token}`;
}

const newToken = () => randomBytes(32).toString("base64url");
const wellFormed = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

async function adminExists(): Promise<boolean> {
  return (await db.user.count({ where: { isAdmin: true } })) > 0;
}

/** A new setup link when the database has nobody in it (the token is returned once, never stored); else null. */
export async function createSetupLinkIfNobody(
  now = new Date(),
): Promise<{ token: string; expiresAt: Date } | null> {
  if ((await db.user.count()) > 0) return null;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * HOUR);
  await db.setupToken.create({ data: { tokenHash: hashSignInToken(token), expiresAt } });
  return { token, expiresAt };
}

/**
 * Why a link cannot make a first admin, or null when it can: "link" when Rungs does not know it
 * (or it expired unused), "taken" when it was used or Rungs has an admin by now.
 */
export async function setupLinkRefusal(
  token: string,
  now = new Date(),
): Promise<"link" | "taken" | null> {
  if (!wellFormed(token)) return "link";
  const row = await db.setupToken.findUnique({
    where: { tokenHash: hashSignInToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!row) return "link";
  if (row.usedAt || (await adminExists())) return "taken";
  return row.expiresAt <= now ? "link" : null;
}

export type FirstAdminResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "link" | "taken" }
  | { ok: false; reason: "deactivated"; message: Message };

/**
 * Makes the person the first admin, with a password, and uses up every setup link, in one
 * transaction. Someone already in Rungs with that email (imported before any admin) becomes
 * the admin. Two submissions at once (the same link twice, or two links from two starts) make
 * one admin: the link is claimed with a conditional update, and on PostgreSQL the transactions
 * also queue on an advisory lock, so each reads what the one before it wrote (without it, two
 * links could each be claimed and each transaction then wait for the other's link: a deadlock).
 * SQLite runs one write transaction at a time already.
 */
export async function becomeFirstAdmin(
  token: string,
  value: FirstAdminValue,
  now = new Date(),
): Promise<FirstAdminResult> {
  const refusal = await setupLinkRefusal(token, now);
  if (refusal) return { ok: false, reason: refusal };
  const hash = await hashPassword(value.password);
  return db
    .$transaction(async (tx): Promise<FirstAdminResult> => {
      await lockTransaction(tx, "firstAdmin");
      const claimed = await tx.setupToken.updateMany({
        where: { tokenHash: hashSignInToken(token), usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1 || (await tx.user.count({ where: { isAdmin: true } })) > 0)
        return { ok: false, reason: "taken" };
      // One first admin: every other setup link is used up with this one.
      await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: now } });
      const existing = await tx.user.findUnique({
        where: { email: value.email },
        select: { id: true, name: true, deactivatedAt: true },
      });
      if (existing?.deactivatedAt) {
        throw new RefusedFirstAdmin({
          key: "auth:setup.errors.deactivated",
          values: { name: existing.name, email: value.email },
        });
      }
      const person = existing
        ? await tx.user.update({
            where: { id: existing.id },
            data: { isAdmin: true },
            select: { id: true },
          })
        : await tx.user.create({
            data: { name: value.name, email: value.email, isAdmin: true },
            select: { id: true },
          });
      await tx.password.upsert({
        where: { userId: person.id },
        create: { userId: person.id, hash },
        update: { hash },
      });
      await recordAuditEvent(tx, {
        actorId: person.id,
        action: "setup.first_admin",
        subjectType: "person",
        subjectId: person.id,
        detail: { via: "setup link", email: value.email, alreadyInRungs: Boolean(existing) },
      });
      return { ok: true, personId: person.id };
    })
    .catch((error: unknown) => {
      // Thrown to roll the claim back: the link stays usable for another email.
      if (error instanceof RefusedFirstAdmin)
        return { ok: false as const, reason: "deactivated" as const, message: error.said };
      throw error;
    });
}

class RefusedFirstAdmin extends Error {
  constructor(readonly said: Message) {
    super(said.key);
  }
}

export type AdminCommandResult =
  | { ok: true; personId: string; created: boolean; token: string; path: string; expiresAt: Date }
  | { ok: false; message: string };

/**
 * `npm run admin`: the person with this email becomes an admin (added when Rungs does not know
 * them) and gets a one-time sign-in link to choose a password, valid 24 hours; their earlier
 * unused links are revoked. One transaction, one audit event. Works whether or not an admin exists
 * (a lost password, single sign-on down).
 */
export async function makeAdminFromCommand(
  value: { name: string; email: string },
  now = new Date(),
): Promise<AdminCommandResult> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * HOUR);
  return db.$transaction(async (tx): Promise<AdminCommandResult> => {
    const existing = await tx.user.findUnique({
      where: { email: value.email },
      select: { id: true, name: true, deactivatedAt: true },
    });
    if (existing?.deactivatedAt)
      return {
        ok: false,
        message: `${existing.name} (${value.email}) is deactivated. Reactivate them first, or use another email address.`,
      };
    const person = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { isAdmin: true },
          select: { id: true },
        })
      : await tx.user.create({
          data: { name: value.name, email: value.email, isAdmin: true },
          select: { id: true },
        });
    const revoked = await tx.passwordToken.deleteMany({
      where: { userId: person.id, usedAt: null },
    });
    await tx.passwordToken.create({
      data: { tokenHash: hashSignInToken(token), userId: person.id, expiresAt },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "setup.admin_by_command",
      subjectType: "person",
      subjectId: person.id,
      detail: {
        email: value.email,
        created: !existing,
        signInLinkExpiresAt: expiresAt.toISOString(),
        revokedEarlierLinks: revoked.count,
      },
    });
    return {
      ok: true,
      personId: person.id,
      created: !existing,
      token,
      path: signInLinkPath(token),
      expiresAt,
    };
  });
}

/** At start-up: on a database with nobody in it, prints a new setup link to the log, once per start. */
export async function announceSetupLinkIfNobody(origin: string, now = new Date()): Promise<void> {
  const link = await createSetupLinkIfNobody(now);
  if (!link) return;
  console.log(
    [
      "Rungs has nobody in it yet. Open this one-time link to become the first admin",
      `(valid ${SETUP_LINK_HOURS} hours, until ${link.expiresAt.toISOString()}; or run: npm run admin -- --email EMAIL --name "NAME"):`,
      `  ${origin}${setupLinkPath(link.token)}`,
    ].join("\n"),
  );
}
