// `npm run db:migrate:all -- --name <name> [migrate dev options]`: one schema change,
// a migration for each provider. Runs `prisma migrate dev` against SQLite, then against
// PostgreSQL, then regenerates both clients.
//
//   SQLite:     DATABASE_URL when it is a file: URL, else file:./data/rungs.db
//   PostgreSQL: POSTGRES_URL, else postgresql://rungs:rungs@127.0.0.1:5432/rungs_dev
//               (a running server; the role needs CREATEDB for the shadow database)

import { runPrisma } from "./prisma.mjs";
import { writePostgresSchema } from "./derive-postgres-schema.mjs";

const DEFAULT_SQLITE_URL = "file:./data/rungs.db";
const DEFAULT_POSTGRES_URL = "postgresql://rungs:rungs@127.0.0.1:5432/rungs_dev";

const args = process.argv.slice(2);
const hasName = args.some((arg) => arg === "--name" || arg === "-n" || arg.startsWith("--name="));
if (!hasName) {
  console.error(
    "Give the migration a name, the same for both databases: npm run db:migrate:all -- --name <name>",
  );
  process.exit(1);
}

const sqliteUrl = process.env.DATABASE_URL?.startsWith("file:")
  ? process.env.DATABASE_URL
  : DEFAULT_SQLITE_URL;
const postgresUrl = process.env.POSTGRES_URL || DEFAULT_POSTGRES_URL;
if (!/^postgres(ql)?:\/\//.test(postgresUrl)) {
  console.error("POSTGRES_URL must be a postgres:// or postgresql:// URL.");
  process.exit(1);
}

writePostgresSchema();

const steps = [
  ["SQLite", sqliteUrl, "prisma/migrations"],
  ["PostgreSQL", postgresUrl, "prisma/postgres/migrations"],
];
for (const [label, url, folder] of steps) {
  console.log(`\n=== ${label}: prisma migrate dev (${folder}) ===`);
  const status = runPrisma(["migrate", "dev", ...args], { DATABASE_URL: url });
  if (status !== 0) {
    console.error(
      `\nprisma migrate dev failed for ${label}.` +
        (label === "PostgreSQL"
          ? " The SQLite migration was created; once PostgreSQL is reachable, finish with:\n" +
            `  DATABASE_URL=<postgres url> npm run db:migrate -- ${args.join(" ")}`
          : ""),
    );
    process.exit(status);
  }
}

console.log("\n=== Generating both clients ===");
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  const status = runPrisma(["generate", "--schema", schema]);
  if (status !== 0) process.exit(status);
}
