import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { NotFoundError } from "~/modules/errors";
import { issuedTokenShownTo } from "../policy";
import { TOKEN_NAME_MAX } from "./token-form";

/**
 * The bearer tokens identity providers use for SCIM provisioning. A token is shown once
 * when it is made; only its SHA-256 is stored (it is 32 random bytes, so a slow hash
 * adds nothing; API tokens are hashed the same way). A revoked token is kept, so the audit log still names it.
 */

const PREFIX = "rungs_scim_";
/** "Last used" is a day-to-day figure: written at most once a minute, not on every request of a burst. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ScimTokenIdentity = { id: string; name: string };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token; the caller shows `token` once. `actorId` is null when made from a shell. */
export async function createScimToken(
  actorId: string | null,
  name: string,
): Promise<{ id: string; name: string; token: string }> {
  const trimmed = name.trim().slice(0, TOKEN_NAME_MAX);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    const row = await tx.scimToken.create({
      data: { name: trimmed, tokenHash: hashToken(token), createdById: actorId },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "scim.token_created",
      subjectType: "scim-token",
      subjectId: row.id,
      detail: { name: trimmed },
    });
    return row;
  });
  return { id: created.id, name: trimmed, token };
}

export type ScimTokenListItem = {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/**
 * A SCIM token just created, carried to the admins' page once (decision 154): its name, if the
 * identity policy lets the viewer see it (the admin who created it, while it works); null otherwise.
 */
export async function createdScimTokenFor(
  viewerId: string,
  token: string,
): Promise<{ name: string; token: string } | null> {
  const row = await db.scimToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { name: true, createdById: true, revokedAt: true },
  });
  if (!row?.createdById) return null;
  const { createdById: personId, revokedAt } = row;
  return issuedTokenShownTo(viewerId, { personId, revokedAt }) ? { name: row.name, token } : null;
}

/** Active tokens first, newest first. */
export async function listScimTokens(): Promise<ScimTokenListItem[]> {
  const rows = await db.scimToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.name ?? null,
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export async function revokeScimToken(actorId: string, tokenId: string): Promise<void> {
  const token = await db.scimToken.findUnique({
    where: { id: tokenId },
    select: { name: true, revokedAt: true },
  });
  if (!token) throw new NotFoundError({ key: "admin:scim.errors.noSuchToken" });
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.scimToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId,
      action: "scim.token_revoked",
      subjectType: "scim-token",
      subjectId: tokenId,
      detail: { name: token.name },
    });
  });
}

/** The token an `Authorization: Bearer …` header carries, if it is one Rungs made and has not revoked. */
export async function authenticateScimToken(
  authorization: string | null,
): Promise<ScimTokenIdentity | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !match[1]!.startsWith(PREFIX)) return null;
  const token = await db.scimToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, name: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.scimToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { id: token.id, name: token.name };
}
