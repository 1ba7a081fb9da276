/**
 * What an API token may be used for. A token carries one or more of these; each operation of the
 * API needs exactly one (openapi.ts names it, policy.ts decides with it). Stored space-separated.
 */
export const API_SCOPES = [
  "people:read",
  "ladders:read",
  "outcomes:read",
  "aggregates:read",
  "people:write",
  "goals:read",
  "goals:check-in",
  "team-health:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (value: string): value is ApiScope =>
  (API_SCOPES as readonly string[]).includes(value);

/** The scopes stored on a token, in the order above; anything unknown (a scope since retired) is dropped. */
export function readScopes(stored: string): ApiScope[] {
  const given = new Set(stored.split(/\s+/));
  return API_SCOPES.filter((scope) => given.has(scope));
}

export const storedScopes = (scopes: readonly ApiScope[]) =>
  API_SCOPES.filter((scope) => scopes.includes(scope)).join(" ");

/**
 * Each scope's name and explanation on the token pages: keys of the api namespace
 * (app/locales/<lang>/api.json). `ownHint` explains what a person's own token reads with it.
 */
export const SCOPE_LABELS = {
  "people:read": {
    name: "scopes.peopleRead",
    hint: "scopes.peopleReadHint",
    ownHint: "scopes.peopleReadOwn",
  },
  "ladders:read": {
    name: "scopes.laddersRead",
    hint: "scopes.laddersReadHint",
    ownHint: "scopes.laddersReadHint",
  },
  "outcomes:read": {
    name: "scopes.outcomesRead",
    hint: "scopes.outcomesReadHint",
    ownHint: "scopes.outcomesReadOwn",
  },
  "aggregates:read": {
    name: "scopes.aggregatesRead",
    hint: "scopes.aggregatesReadHint",
    ownHint: "scopes.aggregatesReadOwn",
  },
  "people:write": {
    name: "scopes.peopleWrite",
    hint: "scopes.peopleWriteHint",
    ownHint: "scopes.peopleWriteHint",
  },
  "goals:read": {
    name: "scopes.goalsRead",
    hint: "scopes.goalsReadHint",
    ownHint: "scopes.goalsReadHint",
  },
  "goals:check-in": {
    name: "scopes.goalsCheckIn",
    // The admins' form names no key results: it says what such a token may do (nothing) and where
    // a check-in token comes from.
    hint: "scopes.goalsCheckInAdminHint",
    ownHint: "scopes.goalsCheckInHint",
  },
  "team-health:read": {
    name: "scopes.teamHealthRead",
    hint: "scopes.teamHealthReadHint",
    ownHint: "scopes.teamHealthReadOwn",
  },
} as const satisfies Record<ApiScope, { name: string; hint: string; ownHint: string }>;
