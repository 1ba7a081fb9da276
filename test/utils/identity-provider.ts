import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { TEST_CLIENT } from "./identity-provider-client";

/**
 * A real OpenID provider for tests: oidc-provider (the certified Node implementation) on a
 * loopback port, with its own login and consent pages (any password is accepted for a known
 * login), one confidential client for Rungs, and the accounts given.
 */
export type TestAccount = { email: string; email_verified: boolean; name: string };

export { TEST_CLIENT };

export type TestProvider = {
  issuer: string;
  port: number;
  /** Stops answering (as a provider that is down); `resume` listens on the same port again. */
  stop(): Promise<void>;
  resume(): Promise<void>;
};

export async function startIdentityProvider({
  port = 0,
  appOrigins,
  accounts,
  endSession = true,
}: {
  port?: number;
  /** Origins of the Rungs servers that may use the provider (their callback and sign-in pages are registered). */
  appOrigins: readonly string[];
  accounts: Record<string, TestAccount>;
  /** Whether the provider publishes an end-session endpoint (RP-initiated logout); some do not. */
  endSession?: boolean;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${bound}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: appOrigins.map((origin) => `${origin}/auth/oidc/callback`),
        post_logout_redirect_uris: appOrigins.map((origin) => `${origin}/login`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_context, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    cookies: { keys: ["identity-provider-test-cookie-key"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: endSession } },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    port: bound,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    resume: () => new Promise<void>((resolve) => server.listen(bound, "127.0.0.1", resolve)),
  };
}
