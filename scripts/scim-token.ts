// `npm run -s scim:token -- --name NAME`: creates a SCIM bearer token for an identity provider
// (Okta, Entra ID) and prints it alone on the last line, so `| tail -n 1` captures it. Rungs
// keeps only its hash; the admins' SCIM page lists it (last used, revoke). SQLite or
// PostgreSQL, from DATABASE_URL.
import { parseArgs } from "node:util";
import { applyMigrations } from "../app/db/migrate.server.ts";
import { EnvError, getEnv } from "../app/utils/env.server.ts";

const usage = "Usage: npm run -s scim:token -- --name NAME";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { name: { type: "string" } }, strict: true }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const name = args.name?.trim() ?? "";
if (!name) fail(`--name: name the token after the identity provider that will use it.\n${usage}`);
if (name.length > 100) fail(`--name: at most 100 characters.\n${usage}`);

let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}
await applyMigrations(env.sessionDatabaseUrl);
const { createScimToken } = await import("../app/modules/identity/scim/tokens.server.ts");
const created = await createScimToken(null, name);
const { BASE_PATH } = await import("../app/modules/identity/scim/scim.server.ts");
console.log(
  `SCIM token "${created.name}" created. Copy it now: Rungs keeps only its hash. Base URL: ${env.PUBLIC_URL ?? "<your Rungs address>"}${BASE_PATH}`,
);
console.log(created.token);
process.exit(0);
