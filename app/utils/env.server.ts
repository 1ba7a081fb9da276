import { z } from "zod";
import { languages } from "~/i18n/languages";
import { isTimeZone } from "~/modules/time-zones";
import { testClockRefusal } from "~/platform/clock.server";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

// An empty variable counts as unset (docker-compose and systemd files often leave them empty).
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/rungs.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  // PostgreSQL: a URL that reaches the database itself, not through a pooler in transaction mode,
  // for what needs a session of its own: migrations (an advisory lock), live updates (LISTEN) and
  // backups. Unset: DATABASE_URL's. Checked at start (app/db/session-url.server.ts; decision 102).
  DATABASE_DIRECT_URL: optionalText.pipe(
    z
      .string()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), {
        message: "must start with postgresql:// (a PostgreSQL server; SQLite needs none)",
      })
      .optional(),
  ),
  // PostgreSQL: streaming replicas (comma-separated URLs) for the reads that may be a moment old;
  // everything else reads the primary (app/db/read-routing.ts; docs/operations.md, "Read replicas").
  DATABASE_REPLICA_URLS: optionalText,
  // PostgreSQL: prepare each statement once per connection (off for a pooler that cannot keep prepared statements).
  DATABASE_PREPARED_STATEMENTS: optionalText.pipe(
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  // PostgreSQL: the most connections each app process's pool opens (docs/operations.md, "PostgreSQL connections").
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int({ error: "must be a whole number from 1 to 100" })
    .min(1, { error: "must be a whole number from 1 to 100" })
    .max(100, { error: "must be a whole number from 1 to 100" })
    .default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // App processes on this machine: a number, or auto (one per core). Unset: auto in production, 1 otherwise.
  WEB_CONCURRENCY: optionalText.pipe(
    z
      .union(
        [
          z.literal("auto"),
          z
            .string()
            .regex(/^\d{1,2}$/)
            .transform(Number)
            .pipe(z.number().min(1).max(64)),
        ],
        { error: "must be auto or a whole number of processes from 1 to 64" },
      )
      .optional(),
  ),
  // A second port answering only the health check, from the process that hands out connections (out of the queue of page work).
  HEALTH_PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number from 1 to 65535")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, "must be a port number from 1 to 65535")
          .max(65535, "must be a port number from 1 to 65535"),
      )
      .optional(),
  ),
  HOST: z.string().min(1).default("0.0.0.0"),
  FRAMEWORKS_DIR: z.string().min(1).default("frameworks"),
  // Load the demo organisation on the first start of an empty embedded database.
  SEED_DEMO: booleanish.optional(),
  // Webhooks may go to this machine (a receiver under development); otherwise only to the outside.
  WEBHOOKS_TO_LOOPBACK: booleanish.default(false),
  // Cookies are Secure unless this is set to false (for plain-HTTP development).
  SECURE_COOKIES: booleanish.optional(),
  // Hops of reverse proxies to trust for the client address (X-Forwarded-For).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_REQUESTS: booleanish.default(true),
  // Keys that seal secrets Rungs keeps for others (webhook signing secrets) in the database and its
  // backups: 32 random bytes in base64 each, comma-separated, the first sealing and every one
  // opening, so a key can be rotated. Unset, those secrets are kept as they are (docs/configuration.md).
  SECRETS_KEYS: optionalText.pipe(
    z
      .string()
      .transform((value) => value.split(",").map((key) => key.trim()))
      .refine(
        (keys) => keys.every((key) => Buffer.from(key, "base64").length === 32),
        "must be 32 random bytes in base64 (openssl rand -base64 32), comma-separated when rotating",
      )
      .optional(),
  ),
  // GET /metrics (Prometheus) answers a scraper that sends this as a bearer token; unset, it is not served.
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(
        16,
        "must be at least 16 characters (a random secret the scraper sends as a bearer token)",
      )
      .optional(),
  ),
  // Calls each API token may make per minute (app/modules/api); beyond them the API answers 429 until the minute ends.
  API_RATE_LIMIT: z.coerce
    .number({ error: "must be a whole number from 1 to 100000" })
    .int({ error: "must be a whole number from 1 to 100000" })
    .min(1, { error: "must be a whole number from 1 to 100000" })
    .max(100_000, { error: "must be a whole number from 1 to 100000" })
    .default(600),
  // The address people reach Rungs at (https://rungs.example.com), for links printed in the
  // log, SCIM's resource locations and single sign-on's redirect; without it, the address the
  // request came to. Kept without a trailing slash: a link is the address, then its path.
  PUBLIC_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://rungs.example.com",
      })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  // Single sign-on with OpenID Connect (app/modules/identity/single-sign-on): on when OIDC_ISSUER is set.
  OIDC_ISSUER: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "must be the identity provider's issuer URL, such as https://example.okta.com",
      })
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_SCOPES: optionalText.pipe(
    z
      .string()
      .refine((scopes) => scopes.split(/\s+/).includes("openid"), {
        message: 'must include "openid" (for example "openid email profile")',
      })
      .optional(),
  ),
  OIDC_NAME: optionalText.pipe(
    z
      .string()
      .max(40, "must be at most 40 characters (it is the sign-in button's text)")
      .optional(),
  ),
  // Single sign-on adds people it does not know (engineers with no track, for an admin to place).
  OIDC_CREATE_PEOPLE: booleanish.default(false),
  // false: nobody signs in with a password (admins' one-time sign-in links still work).
  PASSWORD_LOGIN: booleanish.default(true),
  // Email (app/modules/notifications): an SMTP server (smtp://user:password@host:587, or
  // smtps:// for TLS from the start) and the sender. Without both Rungs sends nothing.
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^smtps?:\/\/[^/?#]+/,
        "must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.com:587",
      )
      .optional(),
  ),
  MAIL_FROM: optionalText.pipe(
    z
      .string()
      .regex(
        /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'must be an email address, optionally with a name: "Rungs <rungs@example.com>"',
      )
      .optional(),
  ),
  // The organisation's time zone (an IANA name): email reminders go out at 09:00 on it for
  // everyone who has not chosen their own.
  ORG_TIME_ZONE: optionalText.pipe(
    z
      .string()
      .refine(isTimeZone, "must be a time zone name such as Europe/Berlin or UTC")
      .default("UTC"),
  ),
  // The organisation's language (app/i18n/languages.ts): the interface speaks it to whoever has not
  // chosen their own and whose browser asks for none Rungs speaks.
  ORG_LANGUAGE: optionalText.pipe(
    z
      .enum(languages as [string, ...string[]], { error: `must be one of ${languages.join(", ")}` })
      .default("en"),
  ),
  // off: the server runs no email passes of its own (run `npm run notifications:send` from cron instead).
  NOTIFY_SCHEDULE: optionalText.pipe(
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  // A test's clock (app/platform/clock.server.ts, decision 078): never set in a deployment.
  RUNGS_TEST_CLOCK: optionalText,
  RUNGS_TEST_CLOCK_ALLOWED: optionalText,
});

function checkTestClock(env: z.infer<typeof schema>, context: z.RefinementCtx) {
  const refusal = testClockRefusal({
    RUNGS_TEST_CLOCK: env.RUNGS_TEST_CLOCK,
    RUNGS_TEST_CLOCK_ALLOWED: env.RUNGS_TEST_CLOCK_ALLOWED,
    TRUST_PROXY: String(env.TRUST_PROXY),
    PUBLIC_URL: env.PUBLIC_URL,
  });
  if (refusal) context.addIssue({ code: "custom", path: ["RUNGS_TEST_CLOCK"], message: refusal });
}

function checkDirectUrl(env: z.infer<typeof schema>, context: z.RefinementCtx) {
  if (env.DATABASE_DIRECT_URL && env.DATABASE_URL.startsWith("file:"))
    context.addIssue({
      code: "custom",
      path: ["DATABASE_DIRECT_URL"],
      message: "is for PostgreSQL, and DATABASE_URL names a SQLite file: leave it unset",
    });
}

function checkReplicaUrls(env: z.infer<typeof schema>, context: z.RefinementCtx) {
  if (!env.DATABASE_REPLICA_URLS) return;
  if (env.DATABASE_URL.startsWith("file:"))
    context.addIssue({
      code: "custom",
      path: ["DATABASE_REPLICA_URLS"],
      message: "is for PostgreSQL, and DATABASE_URL names a SQLite file: leave it unset",
    });
  else if (!replicaUrls(env.DATABASE_REPLICA_URLS).every((url) => /^postgres(ql)?:\/\//.test(url)))
    context.addIssue({
      code: "custom",
      path: ["DATABASE_REPLICA_URLS"],
      message: "must be postgresql:// URLs separated by commas",
    });
}

function replicaUrls(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

function checkMail(env: z.infer<typeof schema>, context: z.RefinementCtx) {
  if (env.SMTP_URL && !env.MAIL_FROM)
    context.addIssue({
      code: "custom",
      path: ["MAIL_FROM"],
      message:
        "is required with SMTP_URL (the sender of Rungs' email, such as Rungs <rungs@example.com>)",
    });
  if (env.MAIL_FROM && !env.SMTP_URL)
    context.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message: "is required with MAIL_FROM (the SMTP server that sends Rungs' email)",
    });
}

function checkSingleSignOn(env: z.infer<typeof schema>, context: z.RefinementCtx) {
  const problem = (variable: string, message: string) =>
    context.addIssue({ code: "custom", path: [variable], message });
  if (!env.OIDC_ISSUER) {
    for (const variable of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
      if (env[variable]) problem(variable, "is set, but single sign-on also needs OIDC_ISSUER");
    }
    if (!env.PASSWORD_LOGIN)
      problem(
        "PASSWORD_LOGIN",
        "can be false only with single sign-on (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)",
      );
    return;
  }
  const issuer = URL.parse(env.OIDC_ISSUER);
  if (issuer?.protocol === "http:" && !LOOPBACK.has(issuer.hostname))
    problem("OIDC_ISSUER", "must use https (plain http only on this machine, for testing)");
  if (!env.OIDC_CLIENT_ID)
    problem(
      "OIDC_CLIENT_ID",
      "is required with OIDC_ISSUER (the client id Rungs is registered under at the identity provider)",
    );
  if (!env.OIDC_CLIENT_SECRET)
    problem(
      "OIDC_CLIENT_SECRET",
      "is required with OIDC_ISSUER (the client secret the identity provider issued)",
    );
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type SingleSignOnSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The identity provider's name on the sign-in button ("Sign in with …"). */
  name: string;
  createPeople: boolean;
};

export type Env = z.infer<typeof schema> & {
  isProduction: boolean;
  databaseProvider: "sqlite" | "postgresql";
  /** Where sessions go on PostgreSQL (migrations, LISTEN, backups): DATABASE_DIRECT_URL, else DATABASE_URL. */
  sessionDatabaseUrl: string;
  /** DATABASE_REPLICA_URLS, one URL each; empty when every read goes to DATABASE_URL. */
  replicaUrls: string[];
  secureCookies: boolean;
  seedDemo: boolean;
  /** Null when single sign-on is off. */
  singleSignOn: SingleSignOnSettings | null;
  passwordLogin: boolean;
  /** The SMTP server and sender; null when email is off. */
  mail: { smtpUrl: string; from: string } | null;
};

export class EnvError extends Error {}

/** What a wrong variable held, for the message; a secret's value is never printed. */
function shown(variable: string, value: string | undefined): string {
  if (value === undefined) return "nothing";
  return variable.includes("SECRET") ? "a value, not shown" : JSON.stringify(value);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema
    .superRefine(checkSingleSignOn)
    .superRefine(checkMail)
    .superRefine(checkTestClock)
    .superRefine(checkDirectUrl)
    .superRefine(checkReplicaUrls)
    .safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) =>
        `  ${issue.path.join(".")}: ${issue.message} (got ${shown(String(issue.path[0]), source[String(issue.path[0])])})`,
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
    sessionDatabaseUrl: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL,
    replicaUrls: replicaUrls(env.DATABASE_REPLICA_URLS),
    secureCookies: env.SECURE_COOKIES ?? isProduction,
    seedDemo: env.SEED_DEMO ?? databaseProvider === "sqlite",
    singleSignOn: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID!,
          clientSecret: env.OIDC_CLIENT_SECRET!,
          scopes: env.OIDC_SCOPES ?? "openid email profile",
          name: env.OIDC_NAME ?? "single sign-on",
          createPeople: env.OIDC_CREATE_PEOPLE,
        }
      : null,
    passwordLogin: env.PASSWORD_LOGIN,
    mail: env.SMTP_URL && env.MAIL_FROM ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
