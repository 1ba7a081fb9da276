import type { Message } from "~/i18n/messages";
import { withoutForbiddenCharacters } from "~/utils/name-text";

/**
 * Who a single sign-on is: the identity provider's claims matched to a person in Rungs by a
 * verified email. Pure: the server module reads the person and writes what this decides.
 */
export type ProviderClaims = { email?: unknown; email_verified?: unknown; name?: unknown };

export type KnownPerson = { id: string; deactivatedAt: Date | null };

export type SignInMatch =
  | { kind: "person"; personId: string }
  | { kind: "create"; email: string; name: string }
  | {
      kind: "refused";
      reason: "no-email" | "unverified" | "unknown" | "deactivated";
      message: Message;
    };

/** The claims' email, lower-cased, when there is one that looks like an email address. */
export function claimedEmail(claims: ProviderClaims): string | null {
  if (typeof claims.email !== "string") return null;
  const email = claims.email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** Some providers send the flag as the string "true". Anything else is not verified. */
function isVerified(claims: ProviderClaims): boolean {
  return claims.email_verified === true || claims.email_verified === "true";
}

/** The name a person created by single sign-on gets: the provider's, else the email's local part. */
function nameFor(claims: ProviderClaims, email: string): string {
  // A provider's name is not refused for a stray character (that would refuse the sign-in); the character is dropped.
  const name =
    typeof claims.name === "string"
      ? withoutForbiddenCharacters(claims.name).trim().slice(0, 200)
      : "";
  return name || email.split("@")[0]!;
}

/**
 * Matches by verified email to an active person. Nobody is created unless the organisation
 * allows it (OIDC_CREATE_PEOPLE); a deactivated person is refused even then.
 */
export function matchSignIn(
  claims: ProviderClaims,
  person: KnownPerson | null,
  createPeople: boolean,
): SignInMatch {
  const email = claimedEmail(claims);
  if (!email) {
    return {
      kind: "refused",
      reason: "no-email",
      message: { key: "auth:singleSignOn.refusals.noEmail" },
    };
  }
  if (!isVerified(claims)) {
    return {
      kind: "refused",
      reason: "unverified",
      message: { key: "auth:singleSignOn.refusals.unverified", values: { email } },
    };
  }
  if (person?.deactivatedAt) {
    return {
      kind: "refused",
      reason: "deactivated",
      message: { key: "auth:singleSignOn.refusals.deactivated", values: { email } },
    };
  }
  if (person) return { kind: "person", personId: person.id };
  if (createPeople) return { kind: "create", email, name: nameFor(claims, email) };
  return {
    kind: "refused",
    reason: "unknown",
    message: { key: "auth:singleSignOn.refusals.unknown", values: { email } },
  };
}
