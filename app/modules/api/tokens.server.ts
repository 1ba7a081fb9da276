import { randomBytes } from "node:crypto";
import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { issuedTokenShownTo } from "~/modules/identity/policy";
import { hashToken } from "~/modules/identity/scim/tokens.server";
import { readScopes, storedScopes, type ApiScope } from "./scopes";
import { queueNotice } from "~/modules/notifications/notices.server";
import * as clock from "~/platform/clock.server";
import {
  isTokenReach,
  mayOverseeTokens,
  mayRevokeToken,
  ownerToldOfRevocation,
  scopesOfReach,
  type TokenFacts,
  type TokenReach,
} from "./policy";

/**
 * API tokens, kept as SCIM's are (identity/scim/tokens.server.ts): 32 random bytes shown once when
 * issued, only their SHA-256 stored, a revoked one kept so the audit log still names it. Each acts
 * for its person, organisation-wide for an admin's, as their own pages for a person's (policy.ts).
 */

const PREFIX = "rungs_api_";
/** "Last used" is a day-to-day figure: written at most once a minute, not on every call of a sync. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function issueApiToken(
  personId: string,
  name: string,
  scopes: readonly ApiScope[],
  reach: TokenReach = "organisation",
  /** The key results a goals:check-in token may check in on (issued from a key result's page). */
  keyResultIds: readonly string[] = [],
): Promise<{ id: string; name: string; token: string }> {
  const allowed = scopesOfReach(reach);
  const beyond = scopes.find((scope) => !allowed.includes(scope));
  if (beyond)
    throw new InvalidError({ key: "api:errors.scopeNotForReach", values: { scope: beyond } });
  const token = PREFIX + randomBytes(32).toString("base64url");
  const stored = storedScopes(scopes);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name,
        tokenHash: hashToken(token),
        scopes: stored,
        personId,
        reach,
        keyResults: { create: keyResultIds.map((keyResultId) => ({ keyResultId })) },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: personId,
      action: "api.token_issued",
      subjectType: "api-token",
      subjectId: row.id,
      detail: { name, scopes: stored, reach },
    });
    return row;
  });
  return { id: created.id, name, token };
}

/**
 * A token just issued, carried to the page that shows it once (decision 154): its name and the key
 * results it checks in on, if the identity policy lets the viewer see it; null otherwise.
 */
export async function issuedTokenFor(
  viewerId: string,
  token: string,
): Promise<{ name: string; token: string; keyResultIds: string[] } | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      name: true,
      personId: true,
      revokedAt: true,
      keyResults: { select: { keyResultId: true } },
    },
  });
  if (!row || !issuedTokenShownTo(viewerId, row)) return null;
  return { name: row.name, token, keyResultIds: row.keyResults.map((kr) => kr.keyResultId) };
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  scopes: ApiScope[];
  issuedBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/**
 * Which tokens a page lists: the admins' page the organisation-wide ones and, in a second list, every
 * person's own that still works; a person's account page their own.
 */
export type TokenOwner =
  | { reach: "organisation" }
  | { reach: "person"; personId: string }
  | { reach: "person"; active: true };

const ownedBy = (owner: TokenOwner) =>
  owner.reach === "organisation"
    ? { reach: "organisation" }
    : "personId" in owner
      ? { reach: "person", personId: owner.personId }
      : { reach: "person", revokedAt: null };

/** Active tokens first, newest first. */
export async function listApiTokens(owner: TokenOwner): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: ownedBy(owner),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      person: { select: { name: true } },
    },
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

/** Every person's own token that still works, with whose it is, for the admins who may revoke them (policy.ts); anyone else finds no such list. */
export async function overseenPersonTokens(viewer: {
  isAdmin: boolean;
}): Promise<ApiTokenListItem[]> {
  if (!mayOverseeTokens(viewer)) throw new NotFoundError();
  return listApiTokens({ reach: "person", active: true });
}

/**
 * Revokes a token if policy.ts lets the actor (its own person, or an admin whoever's it is); any other
 * is not found, as if it did not exist. When someone else revoked it, its person is told by email in
 * the same transaction, and the audit event names them.
 */
export async function revokeApiToken(
  actor: { id: string; isAdmin: boolean; name: string },
  tokenId: string,
  now = clock.now(),
): Promise<void> {
  const token = await db.apiToken.findUnique({
    where: { id: tokenId },
    select: {
      name: true,
      reach: true,
      revokedAt: true,
      personId: true,
      person: {
        select: { name: true, email: true, language: true, timeZone: true, deactivatedAt: true },
      },
    },
  });
  if (
    !token ||
    !isTokenReach(token.reach) ||
    !mayRevokeToken(actor, { personId: token.personId, reach: token.reach })
  )
    throw new NotFoundError({ key: "api:errors.noSuchToken" });
  if (token.revokedAt) return;
  const told = ownerToldOfRevocation(actor.id, token);
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "api.token_revoked",
      subjectType: "api-token",
      subjectId: tokenId,
      detail: told
        ? { name: token.name, reach: token.reach, ownerId: token.personId }
        : { name: token.name },
    });
    // A person who has left reads no email; their tokens were revoked when they left.
    if (told && token.person.deactivatedAt === null) {
      await queueNotice(
        tx,
        { id: token.personId, ...token.person },
        `notice:api-token-revoked:${tokenId}`,
        {
          kind: "tokenRevoked",
          tokenName: token.name,
          by: actor.name,
          at: now,
          href: token.reach === "person" ? "/settings/api" : "/admin/api",
        },
        now,
      );
    }
  });
}

/**
 * Revokes every token of a person who leaves or is erased, in the caller's transaction: a tool must
 * not start reading again should they come back. Returns how many were still active.
 */
export async function revokeTokensOf(
  tx: Prisma.TransactionClient,
  personId: string,
  now: Date,
): Promise<number> {
  const { count } = await tx.apiToken.updateMany({
    where: { personId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

/** How many of a person's tokens revokeTokensOf would revoke. */
export async function activeTokensOf(
  client: Prisma.TransactionClient,
  personId: string,
): Promise<number> {
  return client.apiToken.count({ where: { personId, revokedAt: null } });
}

export type CallingToken = {
  id: string;
  name: string;
  personId: string;
  lastUsedAt: Date | null;
  facts: TokenFacts;
  /** The key results it may check in on (goals:check-in). */
  keyResultIds: string[];
};

/** The token an `Authorization: Bearer …` header carries with the facts its access is decided on, or null when it is not one Rungs issued. */
export async function tokenOfHeader(authorization: string | null): Promise<CallingToken | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !match[1]!.startsWith(PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: {
      id: true,
      name: true,
      scopes: true,
      reach: true,
      revokedAt: true,
      lastUsedAt: true,
      person: { select: { id: true, isAdmin: true, deactivatedAt: true } },
      keyResults: { select: { keyResultId: true } },
    },
  });
  // A reach this code does not know (written by a later release) authenticates nobody rather than guessing.
  if (!token || !isTokenReach(token.reach)) return null;
  const facts: TokenFacts = {
    revoked: token.revokedAt !== null,
    reach: token.reach,
    scopes: readScopes(token.scopes),
    person: { active: token.person.deactivatedAt === null, isAdmin: token.person.isAdmin },
  };
  return {
    id: token.id,
    name: token.name,
    personId: token.person.id,
    lastUsedAt: token.lastUsedAt,
    facts,
    keyResultIds: token.keyResults.map((row) => row.keyResultId),
  };
}

/** Records that a token was used, at most once a minute. */
export async function touchApiToken(
  token: { id: string; lastUsedAt: Date | null },
  now = new Date(),
): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS)
    return;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
}
