// One source schema, two databases: DATABASE_URL picks the provider.
//   file:...                    -> SQLite:     prisma/schema.prisma,          prisma/migrations
//   postgres(ql)://...          -> PostgreSQL: prisma/postgres/schema.prisma, prisma/postgres/migrations
// Unset, it is SQLite at data/rungs.db. Relative SQLite paths are relative to this folder.
// prisma/postgres/schema.prisma is derived from prisma/schema.prisma by
// scripts/derive-postgres-schema.mjs (run by every `npm run db:*` / `npm run prisma`).
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma's native schema engine cannot be downloaded here: the CLI runs this
// stand-in instead (docs/decisions/002-prisma-offline-migrations.md). An engine path
// set by the caller wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "schema-engine.mjs");
// The CLI's update check would only try to reach an unreachable host in the background.
process.env.CHECKPOINT_DISABLE ??= "1";

const DEFAULT_DATABASE_URL = "file:./data/rungs.db";

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//i.test(databaseUrl);
if (!isPostgres && !/^file:/i.test(databaseUrl)) {
  throw new Error(
    "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL).",
  );
}

// The engine is started in another folder; give it an absolute SQLite path.
function absoluteSqliteUrl(url: string) {
  const [file = "", query] = url.replace(/^file:/i, "").split("?", 2);
  const absolute = file === ":memory:" ? file : path.resolve(root, file);
  return `file:${absolute}${query ? `?${query}` : ""}`;
}

export default defineConfig({
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: isPostgres ? "prisma/postgres/migrations" : "prisma/migrations",
  },
  datasource: {
    url: isPostgres ? databaseUrl : absoluteSqliteUrl(databaseUrl),
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
