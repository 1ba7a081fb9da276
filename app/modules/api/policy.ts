import type { ThrottleRule } from "~/modules/identity/passwords/throttle";
import type { ApiScope } from "./scopes";

/**
 * Who may call the API, and what a call may read (decision 088). Pure rules; api.server.ts feeds
 * them facts.
 *
 * A token acts for the admin who issued it, limited by its scopes: every operation is one an admin
 * page offers (people, teams, ladders, cycles, released outcomes, the insights tables), so a call is
 * authorised as that page would be for the token's person at the moment of the call. A token whose
 * person has left (deactivated) authenticates nobody, as their sign-in would not; one whose person
 * is no longer an admin is refused as the admin pages would refuse them.
 */

export type TokenFacts = {
  revoked: boolean;
  scopes: readonly ApiScope[];
  person: { active: boolean; isAdmin: boolean };
};

export type Access = { ok: true } | { ok: false; status: 401 | 403; code: "unauthenticated" | "insufficient_scope" | "forbidden" };

export function tokenAccess(token: TokenFacts | null, needs: ApiScope): Access {
  if (!token || token.revoked || !token.person.active) return { ok: false, status: 401, code: "unauthenticated" };
  if (!token.scopes.includes(needs)) return { ok: false, status: 403, code: "insufficient_scope" };
  if (!token.person.isAdmin) return { ok: false, status: 403, code: "forbidden" };
  return { ok: true };
}

/**
 * People are written through the API only where no identity provider keeps them (no active SCIM
 * token): otherwise the provider's next push would undo the write, and two sources of truth would
 * disagree about who works here.
 */
export function peopleWritable(facts: { scimInUse: boolean }): boolean {
  return !facts.scimInUse;
}

/**
 * An outcome is read through the API once the person has been told it: the session is published and
 * their manager (or the facilitator) released it. Before that the outcome is still the calibrators'
 * to talk through, and a tool outside Rungs must not learn it before the person does.
 */
export function outcomeReadable(entry: { sessionState: string; released: boolean; finalOutcome: string | null }): boolean {
  return entry.sessionState === "published" && entry.released && entry.finalOutcome !== null;
}

/**
 * Each token's calls per minute: generous for a nightly sync or a dashboard's refresh, bounded for a
 * loop gone wrong. Counted in the login throttle's table, the one shared by every app server.
 */
export function rateRule(perMinute: number): ThrottleRule {
  return { maxFailures: perMinute, windowMs: 60_000, lockMs: 60_000 };
}
