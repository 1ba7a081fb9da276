import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/rungs.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  FRAMEWORKS_DIR: z.string().min(1).default("frameworks"),
  // Load the demo organisation on the first start of an empty embedded database.
  SEED_DEMO: booleanish.optional(),
  // Cookies are Secure unless this is set to false (for plain-HTTP development).
  SECURE_COOKIES: booleanish.optional(),
  // Hops of reverse proxies to trust for the client address (X-Forwarded-For).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_REQUESTS: booleanish.default(true),
});

export type Env = z.infer<typeof schema> & {
  isProduction: boolean;
  databaseProvider: "sqlite" | "postgresql";
  secureCookies: boolean;
  seedDemo: boolean;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`,
    );
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === "production";
  const databaseProvider = env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  return {
    ...env,
    isProduction,
    databaseProvider,
    secureCookies: env.SECURE_COOKIES ?? isProduction,
    seedDemo: env.SEED_DEMO ?? databaseProvider === "sqlite",
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
