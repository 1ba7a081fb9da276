import type { TestAccount } from "../utils/identity-provider";

/**
 * The browser tests' single sign-on setup: a third app server (empty database, demo off,
 * OIDC_* pointing at an identity provider the spec starts itself on the next port).
 */
const base = Number(process.env.E2E_PORT ?? 3210);
export const ssoPort = base + 2;
export const identityProviderPort = base + 3;
export const ssoOrigin = `http://localhost:${ssoPort}`;
export const ssoProviderName = "Test IdP";

export const ssoAccounts: Record<string, TestAccount> = {
  ada: { email: "ada.lovelace@example.com", email_verified: true, name: "Ada Lovelace" },
  uma: { email: "uma.unverified@example.com", email_verified: false, name: "Uma Unverified" },
  nobody: { email: "nobody@example.com", email_verified: true, name: "No Body" },
  dora: { email: "dora.deactivated@example.com", email_verified: true, name: "Dora Deactivated" },
};
