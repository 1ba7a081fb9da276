import { randomBytes } from "node:crypto";
import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { hashToken } from "~/modules/identity/scim/tokens.server";
import { readScopes, storedScopes, type ApiScope } from "./scopes";
import { isTokenReach, scopesOfReach, type TokenFacts, type TokenReach } from "./policy";

/**
 * API tokens, kept as SCIM's are (identity/scim/tokens.server.ts): 32 random bytes shown once when
 * issued, only their SHA-256 stored, a revoked one kept so the audit log still names it. Each acts
 * for its person, organisation-wide for an admin's, as their own pages for a person's (policy.ts).
 */

const PREFIX = "rungs_api_";
/** "Last used" is a day-to-day figure: written at most once a minute, not on every call of a sync. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function issueApiToken(personId: string, name: string, scopes: readonly ApiScope[], reach: TokenReach = "organisation"): Promise<{ id: string; name: string; token: string }> {
  const allowed = scopesOfReach(reach);
  const beyond = scopes.find((scope) => !allowed.includes(scope));
  if (beyond) throw new InvalidError({ key: "api:errors.scopeNotForReach", values: { scope: beyond } });
  const token = PREFIX + randomBytes(32).toString("base64url");
  const stored = storedScopes(scopes);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { name, tokenHash: hashToken(token), scopes: stored, personId, reach }, select: { id: true } });
    await recordAuditEvent(tx, { actorId: personId, action: "api.token_issued", subjectType: "api-token", subjectId: row.id, detail: { name, scopes: stored, reach } });
    return row;
  });
  return { id: created.id, name, token };
}

export type ApiTokenListItem = { id: string; name: string; scopes: ApiScope[]; issuedBy: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Which tokens a page lists: the admins' page the organisation-wide ones, a person's account page their own. */
export type TokenOwner = { reach: "organisation" } | { reach: "person"; personId: string };

const ownedBy = (owner: TokenOwner) => (owner.reach === "person" ? { reach: "person", personId: owner.personId } : { reach: "organisation" });

/** Active tokens first, newest first. */
export async function listApiTokens(owner: TokenOwner): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: ownedBy(owner),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, person: { select: { name: true } } },
  });
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      scopes: readScopes(row.scopes),
      issuedBy: row.person.name,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revokes one of the tokens a page lists; any other is not found, as if it did not exist. */
export async function revokeApiToken(actorId: string, tokenId: string, owner: TokenOwner = { reach: "organisation" }): Promise<void> {
  const token = await db.apiToken.findFirst({ where: { id: tokenId, ...ownedBy(owner) }, select: { name: true, revokedAt: true } });
  if (!token) throw new NotFoundError({ key: "api:errors.noSuchToken" });
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { actorId, action: "api.token_revoked", subjectType: "api-token", subjectId: tokenId, detail: { name: token.name } });
  });
}

/**
 * Revokes every token of a person who leaves or is erased, in the caller's transaction: a tool must
 * not start reading again should they come back. Returns how many were still active.
 */
export async function revokeTokensOf(tx: Prisma.TransactionClient, personId: string, now: Date): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { personId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** How many of a person's tokens revokeTokensOf would revoke. */
export async function activeTokensOf(client: Prisma.TransactionClient, personId: string): Promise<number> {
  return client.apiToken.count({ where: { personId, revokedAt: null } });
}

export type CallingToken = { id: string; name: string; personId: string; lastUsedAt: Date | null; facts: TokenFacts };

/** The token an `Authorization: Bearer …` header carries with the facts its access is decided on, or null when it is not one Rungs issued. */
export async function tokenOfHeader(authorization: string | null): Promise<CallingToken | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !match[1]!.startsWith(PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, name: true, scopes: true, reach: true, revokedAt: true, lastUsedAt: true, person: { select: { id: true, isAdmin: true, deactivatedAt: true } } },
  });
  // A reach this code does not know (written by a later release) authenticates nobody rather than guessing.
  if (!token || !isTokenReach(token.reach)) return null;
  const facts: TokenFacts = { revoked: token.revokedAt !== null, reach: token.reach, scopes: readScopes(token.scopes), person: { active: token.person.deactivatedAt === null, isAdmin: token.person.isAdmin } };
  return { id: token.id, name: token.name, personId: token.person.id, lastUsedAt: token.lastUsedAt, facts };
}

/** Records that a token was used, at most once a minute. */
export async function touchApiToken(token: { id: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
}
