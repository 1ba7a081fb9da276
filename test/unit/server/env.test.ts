import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

describe("environment", () => {
  test("defaults to the embedded database with demo data and non-production cookies", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/rungs.db");
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.seedDemo).toBe(true);
    expect(env.secureCookies).toBe(false);
    expect(env.PORT).toBe(3000);
  });

  test("production defaults to Secure cookies; PostgreSQL does not seed the demo", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u:p@db:5432/rungs",
    });
    expect(env.secureCookies).toBe(true);
    expect(env.databaseProvider).toBe("postgresql");
    expect(env.seedDemo).toBe(false);
  });

  test("a wrong value is named with what was given", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: .* \(got "eighty"\)/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\/ \(PostgreSQL\)/,
    );
    expect(() => parseEnv({ SECURE_COOKIES: "maybe" })).toThrow(/SECURE_COOKIES/);
  });

  test("sessions (migrations, LISTEN, backups) go to DATABASE_DIRECT_URL when set, else to DATABASE_URL; it is for PostgreSQL only", () => {
    const pooled = "postgresql://u:p@pgbouncer:6432/rungs";
    expect(parseEnv({ DATABASE_URL: pooled }).sessionDatabaseUrl).toBe(pooled);
    expect(parseEnv({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: "" }).sessionDatabaseUrl).toBe(
      pooled,
    );
    expect(
      parseEnv({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: "postgresql://u:p@db:5432/rungs" })
        .sessionDatabaseUrl,
    ).toBe("postgresql://u:p@db:5432/rungs");
    expect(() =>
      parseEnv({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: "file:./data/rungs.db" }),
    ).toThrow(/DATABASE_DIRECT_URL: must start with postgresql:\/\//);
    expect(() => parseEnv({ DATABASE_DIRECT_URL: "postgresql://u:p@db:5432/rungs" })).toThrow(
      /DATABASE_DIRECT_URL: is for PostgreSQL, and DATABASE_URL names a SQLite file/,
    );
  });

  test("read replicas: DATABASE_REPLICA_URLS is a comma-separated list of PostgreSQL URLs, none by default, and for PostgreSQL only", () => {
    const primary = "postgresql://u:p@db:5432/rungs";
    expect(parseEnv({ DATABASE_URL: primary }).replicaUrls).toEqual([]);
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: " " }).replicaUrls).toEqual([]);
    expect(
      parseEnv({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: "postgresql://u:p@r1:5432/rungs, postgres://u:p@r2:5432/rungs,",
      }).replicaUrls,
    ).toEqual(["postgresql://u:p@r1:5432/rungs", "postgres://u:p@r2:5432/rungs"]);
    expect(() =>
      parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "postgresql://u:p@r1/rungs,r2" }),
    ).toThrow(/DATABASE_REPLICA_URLS: must be postgresql:\/\/ URLs separated by commas/);
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgresql://u:p@r1:5432/rungs" })).toThrow(
      /DATABASE_REPLICA_URLS: is for PostgreSQL, and DATABASE_URL names a SQLite file/,
    );
  });

  describe("single sign-on", () => {
    const complete = {
      OIDC_ISSUER: "https://example.okta.com",
      OIDC_CLIENT_ID: "rungs",
      OIDC_CLIENT_SECRET: "s3cret-value",
    };

    test("is off unless OIDC_ISSUER is set; passwords are on by default", () => {
      expect(parseEnv({}).singleSignOn).toBeNull();
      expect(parseEnv({ OIDC_ISSUER: "" }).singleSignOn).toBeNull();
      expect(parseEnv({}).passwordLogin).toBe(true);
    });

    test("with an issuer, client id and secret it is on, with default scopes and button name", () => {
      expect(parseEnv({ ...complete, PASSWORD_LOGIN: "false" })).toMatchObject({
        passwordLogin: false,
        singleSignOn: {
          issuer: "https://example.okta.com",
          clientId: "rungs",
          clientSecret: "s3cret-value",
          scopes: "openid email profile",
          name: "single sign-on",
          createPeople: false,
        },
      });
      expect(
        parseEnv({
          ...complete,
          OIDC_NAME: "Okta",
          OIDC_SCOPES: "openid email",
          OIDC_CREATE_PEOPLE: "true",
        }).singleSignOn,
      ).toMatchObject({ name: "Okta", scopes: "openid email", createPeople: true });
    });

    test("a missing or wrong setting names the variable, and never prints the secret", () => {
      expect(() => parseEnv({ OIDC_ISSUER: "https://example.okta.com" })).toThrow(
        /OIDC_CLIENT_ID: is required with OIDC_ISSUER[\s\S]*OIDC_CLIENT_SECRET: is required/,
      );
      expect(() => parseEnv({ ...complete, OIDC_ISSUER: "not a url" })).toThrow(
        /OIDC_ISSUER: must be the identity provider's issuer URL/,
      );
      expect(() => parseEnv({ ...complete, OIDC_ISSUER: "http://idp.example.com" })).toThrow(
        /OIDC_ISSUER: must use https/,
      );
      expect(
        parseEnv({ ...complete, OIDC_ISSUER: "http://127.0.0.1:9000" }).singleSignOn?.issuer,
      ).toBe("http://127.0.0.1:9000");
      expect(() => parseEnv({ ...complete, OIDC_SCOPES: "email profile" })).toThrow(
        /OIDC_SCOPES: must include "openid"/,
      );
      expect(() => parseEnv({ PASSWORD_LOGIN: "false" })).toThrow(
        /PASSWORD_LOGIN: can be false only with single sign-on/,
      );
      const secretOnly = () => parseEnv({ OIDC_CLIENT_SECRET: "s3cret-value" });
      expect(secretOnly).toThrow(
        /OIDC_CLIENT_SECRET: is set, but single sign-on also needs OIDC_ISSUER \(got a value, not shown\)/,
      );
      expect(secretOnly).not.toThrow(/s3cret-value/);
    });
  });
});
