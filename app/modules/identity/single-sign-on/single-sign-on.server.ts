import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";
import type { Message } from "~/i18n/messages";
import { InvalidError, UnavailableError } from "~/modules/errors";
import { getEnv, type SingleSignOnSettings } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/redirect-target";
import { anotherAccountPrompt } from "./another-account";
import { matchSignIn } from "./match";

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce,
 * through openid-client (which validates the ID token). The provider is found by discovery from
 * OIDC_ISSUER. What a sign-in in progress needs (state, nonce, PKCE verifier) is kept in the
 * database under the hash of a random id the browser holds in a short-lived cookie, so the
 * person may come back to any app server; each attempt is used once. Sessions stay Rungs' own.
 */

export const CALLBACK_PATH = "/auth/oidc/callback";
const COOKIE = "rungs_sso";
const ATTEMPT_MINUTES = 10;

const hashOf = (value: string) => createHash("sha256").update(value).digest("hex");

function settings(): SingleSignOnSettings {
  const found = getEnv().singleSignOn;
  if (!found) throw new InvalidError({ key: "auth:singleSignOn.errors.notSetUp" });
  return found;
}

/** What the sign-in page shows: the provider's name on the button, and whether passwords work. */
export function signInOptions(): { singleSignOn: { name: string } | null; passwordLogin: boolean } {
  const env = getEnv();
  return {
    singleSignOn: env.singleSignOn ? { name: env.singleSignOn.name } : null,
    passwordLogin: env.passwordLogin,
  };
}

/** Where the provider sends people back: under PUBLIC_URL when set, else the address the request came to. */
function callbackUrl(request: Request): URL {
  return new URL(CALLBACK_PATH, getEnv().PUBLIC_URL ?? new URL(request.url).origin);
}

/** Whether the error is the provider not answering (refused, unknown host, timed out), not a refusal. */
function isUnreachable(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const { name, message, code } = cause as { name?: string; message?: string; code?: string };
    if (name === "TimeoutError" || name === "AbortError" || message === "fetch failed") return true;
    if (
      typeof code === "string" &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|UND_ERR_)/.test(code)
    )
      return true;
    if (cause === (cause as { cause?: unknown }).cause) break;
  }
  return false;
}

function unavailable(step: string, issuer: string, error: unknown): UnavailableError {
  console.error(
    `Single sign-on: the identity provider at ${issuer} could not be reached (${step}):`,
    error instanceof Error ? error.message : error,
  );
  return new UnavailableError({ key: "auth:singleSignOn.errors.unreachable" });
}

// One discovery per process while it succeeds; a failed one is tried again on the next sign-in.
const globalForSso = globalThis as {
  rungsOidcConfig?: { issuer: string; config: Promise<oidc.Configuration> };
};

async function providerConfig(current: SingleSignOnSettings): Promise<oidc.Configuration> {
  const cached = globalForSso.rungsOidcConfig;
  if (cached?.issuer === current.issuer) return cached.config;
  const issuer = new URL(current.issuer);
  // Plain http is allowed only for a provider on this machine (the environment check refuses others).
  const execute = issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [];
  const config = oidc.discovery(
    issuer,
    current.clientId,
    undefined,
    oidc.ClientSecretBasic(current.clientSecret),
    { execute, timeout: 10 },
  );
  globalForSso.rungsOidcConfig = { issuer: current.issuer, config };
  config.catch(() => {
    if (globalForSso.rungsOidcConfig?.config === config) delete globalForSso.rungsOidcConfig;
  });
  try {
    return await config;
  } catch (error) {
    if (isUnreachable(error)) throw unavailable("discovery", current.issuer, error);
    console.error(
      `Single sign-on: discovery at ${current.issuer} failed:`,
      error instanceof Error ? error.message : error,
    );
    throw new UnavailableError({ key: "auth:singleSignOn.errors.discovery" });
  }
}

function attemptCookie(value: string, maxAge: number): string {
  const secure = getEnv().secureCookies ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=/auth/oidc; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function attemptIdOf(cookieHeader: string | null): string | null {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`).exec(
    cookieHeader ?? "",
  );
  return match ? match[1]! : null;
}

/**
 * Starts a sign-in: where to send the browser (the provider's authorization page) and the cookie
 * that ties it to this attempt. With `anotherAccount`, the provider asks which account to use
 * instead of signing in again whoever is signed in there.
 */
export async function startSingleSignOn(
  request: Request,
  redirectTo: string | undefined,
  { anotherAccount = false }: { anotherAccount?: boolean } = {},
  now = new Date(),
): Promise<{ location: string; cookie: string }> {
  const current = settings();
  const config = await providerConfig(current);
  const id = randomBytes(32).toString("base64url");
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(request).href,
    scope: current.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ...(anotherAccount
      ? { prompt: anotherAccountPrompt(config.serverMetadata().prompt_values_supported) }
      : {}),
  });
  await db.$transaction([
    // Attempts nobody finished are swept as new ones start.
    db.singleSignOnAttempt.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.singleSignOnAttempt.create({
      data: {
        idHash: hashOf(id),
        state,
        nonce,
        codeVerifier,
        redirectTo: safeRedirectPath(redirectTo),
        expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
      },
    }),
  ]);
  return { location: url.href, cookie: attemptCookie(id, ATTEMPT_MINUTES * 60) };
}

const startAgain = { key: "auth:singleSignOn.errors.startAgain" };

/**
 * A refused sign-in and the ways out of it. The provider still has the person signed in, so
 * signing in again would bring the same account back: they can sign out there, ask the
 * provider for another account, or use a password where passwords are allowed.
 */
export type SingleSignOnRefusal = {
  /** Why, worded by the page. */
  message: Message;
  providerName: string;
  /** The provider's own address, for signing out there by hand when it offers no end-session page. */
  providerAddress: string;
  /** The provider's end-session page, coming back to Rungs' sign-in page; null when it publishes none. */
  signOutUrl: string | null;
  /** Starts a sign-in in which the provider asks which account to use. */
  anotherAccountPath: string;
  passwordLogin: boolean;
};

export type FinishedSignIn =
  | {
      kind: "signed-in";
      personId: string;
      idToken: string | undefined;
      redirectTo: string;
      clearCookie: string;
    }
  | { kind: "refused"; refusal: SingleSignOnRefusal; clearCookie: string };

/** The refusal page's content: the ID token, when the provider issued one, is the sign-out's hint. */
function refused(
  request: Request,
  config: oidc.Configuration,
  current: SingleSignOnSettings,
  message: Message,
  idToken: string | undefined,
  redirectTo: string,
): FinishedSignIn {
  const search = new URLSearchParams({
    ...(redirectTo === "/" ? {} : { redirectTo }),
    account: "another",
  });
  return {
    kind: "refused",
    refusal: {
      message,
      providerName: current.name,
      providerAddress: new URL(current.issuer).origin,
      signOutUrl: providerSignOutUrl(request, config, idToken),
      anotherAccountPath: `/auth/oidc?${search}`,
      passwordLogin: getEnv().passwordLogin,
    },
    clearCookie: attemptCookie("", 0),
  };
}

/**
 * Finishes a sign-in when the provider sends the browser back: uses up the attempt, has
 * openid-client check the state, exchange the code with the PKCE verifier and validate the ID
 * token and its nonce, then matches the verified email to a person (match.ts). The sign-in, and
 * a person it adds, go in the audit log in one transaction. A person the provider or Rungs
 * refuses gets the refusal with the ways out of it.
 */
export async function finishSingleSignOn(
  request: Request,
  now = new Date(),
): Promise<FinishedSignIn> {
  const current = settings();
  const id = attemptIdOf(request.headers.get("Cookie"));
  if (!id) throw new InvalidError(startAgain);
  const attempt = await db.singleSignOnAttempt.findUnique({ where: { idHash: hashOf(id) } });
  // Claimed with a conditional delete: a replayed callback finds nothing to claim.
  const claimed = attempt
    ? await db.singleSignOnAttempt.deleteMany({
        where: { idHash: attempt.idHash, expiresAt: { gt: now } },
      })
    : { count: 0 };
  if (!attempt || claimed.count !== 1) throw new InvalidError(startAgain);

  const config = await providerConfig(current);
  const returned = new URL(request.url);
  const currentUrl = new URL(callbackUrl(request).href + returned.search);
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (isUnreachable(error)) throw unavailable("token exchange", current.issuer, error);
    console.warn(
      `Single sign-on refused: ${error instanceof Error ? error.message : String(error)}`,
    );
    // openid-client reads the provider's error only once the state is this attempt's: anyone can
    // send a link with an error and text of their choosing, but not with the state.
    if (error instanceof oidc.AuthorizationResponseError) {
      return refused(
        request,
        config,
        current,
        {
          key: "auth:singleSignOn.refusals.byProvider",
          values: { reason: error.error_description ?? error.error },
        },
        undefined,
        attempt.redirectTo,
      );
    }
    throw new InvalidError({ key: "auth:singleSignOn.errors.notVerified" });
  }

  let claims: Record<string, unknown> = { ...tokens.claims() };
  if (claims.email === undefined || claims.email_verified === undefined) {
    try {
      // Many providers put the email in the user info, not the ID token; the ID token's own claims win.
      claims = {
        ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))),
        ...claims,
      };
    } catch (error) {
      if (isUnreachable(error)) throw unavailable("user info", current.issuer, error);
      throw error;
    }
  }

  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const person = email
    ? await db.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } })
    : null;
  const match = matchSignIn(claims, person, current.createPeople);
  if (match.kind === "refused") {
    console.warn(`Single sign-on refused (${match.reason}) for ${email || "no email"}.`);
    return refused(request, config, current, match.message, tokens.id_token, attempt.redirectTo);
  }
  const personId = await db.$transaction(async (tx) => {
    let signedIn = match.kind === "person" ? match.personId : null;
    if (match.kind === "create") {
      // An engineer with no track or level yet, for an admin to place.
      signedIn = (
        await tx.user.create({
          data: { email: match.email, name: match.name },
          select: { id: true },
        })
      ).id;
      await recordAuditEvent(tx, {
        actorId: null,
        action: "person.created",
        subjectType: "person",
        subjectId: signedIn,
        detail: { name: match.name, email: match.email, via: "single sign-on" },
      });
      await emitWebhookEvents(tx, [
        {
          kind: "person.joined",
          person: { id: signedIn, name: match.name, email: match.email, via: "created" },
        },
      ]);
    }
    await recordAuditEvent(tx, {
      actorId: signedIn,
      action: "person.signed_in_with_single_sign_on",
      subjectType: "person",
      subjectId: signedIn,
      detail: { issuer: current.issuer, subject: String(claims.sub) },
    });
    return signedIn!;
  });
  return {
    kind: "signed-in",
    personId,
    idToken: tokens.id_token,
    redirectTo: attempt.redirectTo,
    clearCookie: attemptCookie("", 0),
  };
}

/**
 * Where to send someone signing out whose session began with single sign-on: the provider's
 * end-session endpoint, when it offers one, coming back to the sign-in page. Null otherwise
 * (or when the provider cannot be reached: Rungs' own session has ended anyway).
 */
export async function endSessionUrl(
  request: Request,
  idToken: string | null,
): Promise<string | null> {
  const current = getEnv().singleSignOn;
  if (!current || !idToken) return null;
  try {
    return providerSignOutUrl(request, await providerConfig(current), idToken);
  } catch (error) {
    if (error instanceof UnavailableError) return null;
    throw error;
  }
}

/**
 * The provider's end-session page (OpenID Connect RP-Initiated Logout), coming back to Rungs'
 * sign-in page, with the ID token as a hint when there is one (Okta needs it); null when the
 * provider publishes no end-session endpoint.
 */
function providerSignOutUrl(
  request: Request,
  config: oidc.Configuration,
  idToken: string | undefined,
): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  const back = new URL("/login", getEnv().PUBLIC_URL ?? new URL(request.url).origin);
  return oidc.buildEndSessionUrl(config, {
    ...(idToken ? { id_token_hint: idToken } : {}),
    post_logout_redirect_uri: back.href,
  }).href;
}
