import { isReleasedToPerson } from "~/modules/calibration/policy";
import type { ThrottleRule } from "~/modules/identity/passwords/throttle";
import type { OperationId } from "./openapi";
import { API_SCOPES, type ApiScope } from "./scopes";

/**
 * Who may call the API, and what a call may read (decision 088). Pure rules; api.server.ts feeds
 * them facts.
 *
 * A token acts for its person, limited by its scopes, and is one of two reaches. An admin's
 * (issued on the admins' page) reads organisation-wide: every operation is one an admin page offers,
 * so a call is authorised as that page would be for the admin at the moment of the call, and one
 * whose person is no longer an admin is refused as the admin pages would refuse them. A person's own
 * (issued on their account page) reads only what their own pages show them, through the same rules
 * and queries those pages use (reads.server.ts), and never writes. A token whose person has left
 * (deactivated) authenticates nobody, as their sign-in would not.
 */

const TOKEN_REACHES = ["organisation", "person"] as const;
export type TokenReach = (typeof TOKEN_REACHES)[number];

export const isTokenReach = (value: string): value is TokenReach =>
  (TOKEN_REACHES as readonly string[]).includes(value);

export type TokenFacts = {
  revoked: boolean;
  reach: TokenReach;
  scopes: readonly ApiScope[];
  person: { active: boolean; isAdmin: boolean };
};

/**
 * What a person's own token may be given: reads only. Writing people is an admin's page, and a
 * token anyone may issue must not carry it.
 */
export const PERSON_TOKEN_SCOPES = [
  "people:read",
  "ladders:read",
  "outcomes:read",
  "aggregates:read",
  "goals:read",
  "team-health:read",
] as const satisfies readonly ApiScope[];

/**
 * The one write a person's token may carry: check-ins on the key results it names, issued from a
 * key result's page (decision 097). It widens nothing: each call is allowed only while the token's
 * person may check in on that key result themselves (goals/policy.ts canTokenCheckIn).
 */
export const PERSON_TOKEN_WRITES = ["goals:check-in"] as const satisfies readonly ApiScope[];

export function scopesOfReach(reach: TokenReach): readonly ApiScope[] {
  return reach === "person" ? [...PERSON_TOKEN_SCOPES, ...PERSON_TOKEN_WRITES] : API_SCOPES;
}

/**
 * The operations a person's token may call: those with a page the person reads themselves. People
 * are the growth pages they may open (canViewPerson: themselves, everyone below them, everyone for an
 * admin), ladders the browse pages everyone reads, outcomes those released that their growth page or
 * their calibration sessions show them, aggregates the insights page (a manager's own organisation;
 * anyone else gets its 404), team health results those the team health pages show them (decision
 * 113: the team, whoever was asked, the managers above and admins). Teams and review cycles are listed on admin pages only, and writing
 * people is an admin's form: a person's token is refused them (403) whoever its person is, so a tool
 * learns the reach it was given rather than a list that depends on the person's role today.
 */
const PERSON_TOKEN_OPERATIONS = {
  listPeople: true,
  getPerson: true,
  listLadders: true,
  listOutcomes: true,
  getAggregate: true,
  listTeams: false,
  listCycles: false,
  createPerson: false,
  updatePerson: false,
  listObjectives: true,
  createCheckIn: true,
  listTeamHealthResults: true,
  getTeamHealthResults: true,
} as const satisfies Record<OperationId, boolean>;

export const personTokenMayCall = (operation: OperationId): boolean =>
  PERSON_TOKEN_OPERATIONS[operation];

/**
 * What no token writes, whatever its scopes: a person's rights (admin, hiring admin). People's
 * rights widen what they may read and do, so they are given only on the admins' page by an admin
 * signed in; a leaked sync token must not be a way to make an admin. A body naming them is refused
 * (422), null included, and the person is left as they were.
 */
export const RIGHTS_NO_TOKEN_WRITES = ["isAdmin", "isHiringAdmin"] as const;

/** The rights a request body names, which the call is refused for. */
export function rightsNamed(body: object): (typeof RIGHTS_NO_TOKEN_WRITES)[number][] {
  return RIGHTS_NO_TOKEN_WRITES.filter((field) => Object.hasOwn(body, field));
}

export type Refusal403 = "insufficient_scope" | "not_an_admin" | "admin_pages_only";
export type Access =
  { ok: true } | { ok: false; status: 401 } | { ok: false; status: 403; reason: Refusal403 };

export function tokenAccess(
  token: TokenFacts | null,
  operation: { id: OperationId; scope: ApiScope },
): Access {
  if (!token || token.revoked || !token.person.active) return { ok: false, status: 401 };
  if (!token.scopes.includes(operation.scope))
    return { ok: false, status: 403, reason: "insufficient_scope" };
  if (token.reach === "person")
    return personTokenMayCall(operation.id)
      ? { ok: true }
      : { ok: false, status: 403, reason: "admin_pages_only" };
  if (!token.person.isAdmin) return { ok: false, status: 403, reason: "not_an_admin" };
  return { ok: true };
}

/**
 * Who may revoke a token: the person it acts for, their own token on their account page, and any
 * admin, whoever's it is. Admins are the deployment's security officers: a leaked token, or one
 * reading for a tool nobody remembers, must be stoppable without deactivating its person. Anyone
 * else is answered as if the token did not exist.
 */
export function mayRevokeToken(
  actor: { id: string; isAdmin: boolean },
  token: { personId: string; reach: TokenReach },
): boolean {
  return actor.isAdmin || (token.reach === "person" && token.personId === actor.id);
}

/** Who sees every person's own tokens (never their secrets, which Rungs does not keep): the admins, who may revoke them. */
export function mayOverseeTokens(actor: { isAdmin: boolean }): boolean {
  return actor.isAdmin;
}

/** A token's person is told when someone else revoked it: a tool of theirs stops, and they should hear why from Rungs, not from the tool. */
export function ownerToldOfRevocation(actorId: string, token: { personId: string }): boolean {
  return actorId !== token.personId;
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
 * An outcome is read through the API once the person has been told it (calibration's
 * isReleasedToPerson) and it has one. Before that the outcome is still the calibrators'
 * to talk through, and a tool outside Rungs must not learn it before the person does.
 */
export function outcomeReadable(entry: {
  sessionState: string;
  released: boolean;
  finalOutcome: string | null;
}): boolean {
  return isReleasedToPerson(entry, { state: entry.sessionState }) && entry.finalOutcome !== null;
}

/**
 * An outcome a person's token reads: a released one (outcomeReadable) that the person's own pages
 * show them, their own (their growth page) or one of an entry their calibration session opens to
 * them (`opensEntry`: calibration's canOpenEntry, as the session page decides it).
 */
export function outcomeReadableBy(
  readerId: string,
  entry: {
    personId: string;
    sessionState: string;
    released: boolean;
    finalOutcome: string | null;
  },
  opensEntry: boolean,
): boolean {
  return outcomeReadable(entry) && (entry.personId === readerId || opensEntry);
}

/**
 * Each token's calls per minute: generous for a nightly sync or a dashboard's refresh, bounded for a
 * loop gone wrong. Counted in the login throttle's table, the one shared by every app server.
 */
export function rateRule(perMinute: number): ThrottleRule {
  return { maxFailures: perMinute, windowMs: 60_000, lockMs: 60_000 };
}
