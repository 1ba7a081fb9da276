// `npm run prisma -- <args>`: the Prisma CLI with this project's set-up. It derives
// prisma/postgres/schema.prisma first (so it always matches prisma/schema.prisma) and
// points the CLI at the schema-engine stand-in (prisma.config.ts sets the same
// variables; setting them here too covers `--config` pointing elsewhere).
//
//   node scripts/prisma.mjs <prisma args...>
//   node scripts/prisma.mjs generate-all     both clients (SQLite and PostgreSQL)

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import {
  postgresSchemaPath,
  sourceSchemaPath,
  writePostgresSchema,
} from "./derive-postgres-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function prismaCli() {
  try {
    return createRequire(path.join(root, "package.json")).resolve("prisma/build/index.js");
  } catch {
    return null;
  }
}

/** Runs the Prisma CLI; returns its exit status. */
export function runPrisma(args, env = {}) {
  const cli = prismaCli();
  if (!cli) throw new Error("The prisma package is not installed (it is a devDependency).");
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY:
        process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "prisma", "schema-engine.mjs"),
      CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1",
      ...env,
    },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main(args) {
  if (args[0] === "generate-all") {
    if (!prismaCli() && process.env.npm_lifecycle_event === "postinstall") {
      // A production install without devDependencies: nothing to generate with.
      console.warn("prisma is not installed; skipping client generation.");
      return 0;
    }
    writePostgresSchema();
    for (const schema of [sourceSchemaPath, postgresSchemaPath]) {
      const status = runPrisma([
        "generate",
        "--schema",
        path.relative(root, schema),
        ...args.slice(1),
      ]);
      if (status !== 0) return status;
    }
    return 0;
  }
  writePostgresSchema();
  return runPrisma(args);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
