// `npm run admin -- --email EMAIL --name "NAME"`: makes the person an admin (adding them when
// Rungs does not know them) and prints a one-time sign-in link to choose a password. Works on
// SQLite and PostgreSQL (DATABASE_URL), with or without an admin already (app/modules/identity/setup).
import { parseArgs } from "node:util";
import { applyMigrations } from "../app/db/migrate.server.ts";
import { AdminCommandSchema, linkOrigin } from "../app/modules/identity/setup/first-admin-form.ts";
import { EnvError, getEnv } from "../app/utils/env.server.ts";
import { translatorOf } from "../app/i18n/i18n.server.ts";
import { wordsOf } from "../app/i18n/messages.ts";

const usage = 'Usage: npm run admin -- --email EMAIL --name "NAME"';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const parsed = AdminCommandSchema.safeParse({ email: args.email ?? "", name: args.name ?? "" });
// The schema's messages are keys (the people pages word them in the viewer's language); a command speaks English.
const t = translatorOf(undefined);
if (!parsed.success)
  fail(
    `${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${wordsOf(t, issue.message)}`).join("\n")}\n${usage}`,
  );

let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}
await applyMigrations(env.sessionDatabaseUrl);
const { makeAdminFromCommand } =
  await import("../app/modules/identity/setup/first-admin.server.ts");
const result = await makeAdminFromCommand(parsed.data);
if (!result.ok) fail(result.message);
console.log(
  `${parsed.data.name} <${parsed.data.email}> is ${result.created ? "added as" : "now"} an admin.`,
);
console.log(
  `One-time sign-in link (valid until ${result.expiresAt.toISOString()}; choose a password there):`,
);
console.log(`  ${linkOrigin(env)}${result.path}`);
process.exit(0);
