import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Migrations run on `@prisma/schema-engine-wasm` through prisma/schema-engine.mjs (decision 002),
 * because the native engine Prisma downloads cannot be fetched here. The WebAssembly build used is
 * the engine of the Prisma release installed (its `@prisma/engines-version`), and every package of
 * Prisma's is on that one release (decision 066): upgrading one without the others fails here.
 */
// Read from node_modules directly: some of these packages do not export their package.json.
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

const PRISMA_PACKAGES = [
  "prisma",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "@prisma/driver-adapter-utils",
  "@prisma/config",
  "@prisma/engines",
];

describe("Prisma on one release", () => {
  test("every Prisma package Rungs installs is of one version", () => {
    const versions = Object.fromEntries(PRISMA_PACKAGES.map((name) => [name, versionOf(name)]));
    expect(versions).toEqual(
      Object.fromEntries(PRISMA_PACKAGES.map((name) => [name, versionOf("prisma")])),
    );
  });

  test("migrations run on the WebAssembly build of that release's own schema engine", () => {
    expect(versionOf("@prisma/schema-engine-wasm")).toBe(versionOf("@prisma/engines-version"));
  });
});
