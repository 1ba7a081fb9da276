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
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/rungs" });
    expect(env.secureCookies).toBe(true);
    expect(env.databaseProvider).toBe("postgresql");
    expect(env.seedDemo).toBe(false);
  });

  test("a wrong value is named with what was given", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: .* \(got "eighty"\)/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\/ \(PostgreSQL\)/);
    expect(() => parseEnv({ SECURE_COOKIES: "maybe" })).toThrow(/SECURE_COOKIES/);
  });
});
