import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Migrations run on `@prisma/schema-engine-wasm` through prisma/schema-engine.mjs (decision 002),
 * because the native engine Prisma downloads cannot be fetched here. No WebAssembly build of the
 * engine Prisma 7.10 ships with (its `@prisma/engines-version`) is published, so the nearest build
 * that was verified against Rungs' migrations on both databases is used (decision 066). This pins
 * the pair: upgrading either package fails here, so the pair is looked at, and the migration tests
 * (test/integration/migrations.test.ts, the upgrade browser test) run against the new one.
 */
// Read from node_modules directly: some of these packages do not export their package.json.
const versionOf = (name: string) => (JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as { version: string }).version;

describe("the schema engine that migrations use", () => {
  test("is the WebAssembly build verified with this release of Prisma's CLI", () => {
    expect({
      prisma: versionOf("prisma"),
      engineOfTheRelease: versionOf("@prisma/engines-version"),
      engineThatMigrates: versionOf("@prisma/schema-engine-wasm"),
    }).toEqual({
      prisma: "7.10.1",
      engineOfTheRelease: "8.1.0-1.d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
      engineThatMigrates: "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323",
    });
  });
});
