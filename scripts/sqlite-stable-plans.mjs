// Builds app/db/sqlite-stable-plans.c, the SQLite extension that keeps each statement's plan
// (decision 150), with the machine's C compiler, against the SQLite headers better-sqlite3 ships.
// `npm install` runs it (postinstall). Without a compiler Rungs runs as before, every SQLite
// statement planned again at each run, and this says so; it never fails the install.
//
//   node scripts/sqlite-stable-plans.mjs

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Kept with node_modules, so a fresh install builds it again against the headers it installed.
const output = path.join(root, "node_modules/.cache/rungs/sqlite-stable-plans.so");
const source = path.join(root, "app/db/sqlite-stable-plans.c");
const headers = path.join(
  path.dirname(
    createRequire(path.join(root, "package.json")).resolve("better-sqlite3/package.json"),
  ),
  "deps/sqlite3",
);

mkdirSync(path.dirname(output), { recursive: true });
rmSync(output, { force: true });
const compiler = process.env.CC || "cc";
const built = spawnSync(
  compiler,
  ["-O2", "-fPIC", "-shared", `-I${headers}`, source, "-o", output],
  { encoding: "utf8" },
);
if (built.status === 0) {
  console.log(`SQLite's stable plans: built ${path.relative(root, output)}`);
} else {
  const why = built.error ? `no C compiler (${compiler})` : built.stderr.trim().split("\n")[0];
  console.warn(
    `SQLite's stable plans not built: ${why}. Rungs runs without them, each SQLite statement planned again at every run (slower pages). Install a C compiler (Debian: apt-get install gcc) and run node scripts/sqlite-stable-plans.mjs.`,
  );
}
