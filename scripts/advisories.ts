/**
 * Known security advisories against the web framework Rungs runs on, and the check that no
 * installed package is below the release that fixed one (`npm run advisories`, part of `npm test`).
 *
 * The list is the project's own because the registry's audit endpoint cannot be reached from
 * every machine Rungs is built on (it answers 405 on ours). Add an entry when an advisory is
 * published against a package here; the check then fails on every install that still has it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

export interface Advisory {
  /** The package the advisory is published against, as npm names it. */
  package: string;
  /** The affected versions, as a semver range. */
  affected: string;
  /** The first release without it, or null when no release of that package fixes it. */
  fixedIn: string | null;
  severity: "low" | "moderate" | "high" | "critical";
  title: string;
}

/** Remix 2's packages: end of life since 17 June 2026, so none of their advisories will be fixed. */
const REMIX_2 = [
  "@remix-run/react",
  "@remix-run/node",
  "@remix-run/server-runtime",
  "@remix-run/dev",
  "@remix-run/express",
  "@remix-run/serve",
  "@remix-run/route-config",
  "@remix-run/fs-routes",
  "@remix-run/css-bundle",
  "@remix-run/testing",
];

export const ADVISORIES: readonly Advisory[] = [
  {
    package: "turbo-stream",
    affected: "<3.0.0",
    fixedIn: "3.0.0",
    severity: "high",
    title:
      "Denial of service when decoding a crafted stream (every single-fetch .data response of Remix 2 goes through turbo-stream 2.4.1)",
  },
  {
    package: "react-router",
    affected: "<7.18.0",
    fixedIn: "7.18.0",
    severity: "moderate",
    title: "Open redirect through a crafted redirect location",
  },
  {
    package: "react-router-dom",
    affected: "*",
    fixedIn: null,
    severity: "moderate",
    title:
      "Open redirect through a crafted redirect location (react-router-dom ends at 7; React Router 8 has no such package)",
  },
  {
    package: "react-router",
    affected: "<7.18.0",
    fixedIn: "7.18.0",
    severity: "high",
    title: "Constructor injection through deserializeErrors when hydrating a server's errors",
  },
  {
    package: "@remix-run/router",
    affected: "<1.23.4",
    fixedIn: "1.23.4",
    severity: "moderate",
    title: "Route matching and redirect fixes released in 1.23.4 (react-router 6.30.6)",
  },
  ...REMIX_2.map((name): Advisory => ({
    package: name,
    affected: "*",
    fixedIn: null,
    severity: "high",
    title:
      "Remix 2 reached its end of life on 17 June 2026: the deserializeErrors and turbo-stream advisories are fixed in no Remix 2 release (move to React Router framework mode)",
  })),
];

/** Every installed package's versions, by name, read from a node_modules tree (nested copies included). */
export function installedPackages(nodeModules: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const dir = path.join(folder, entry.name);
      if (entry.name.startsWith("@")) {
        visit(dir);
        continue;
      }
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
          name?: string;
          version?: string;
        };
        if (manifest.name && manifest.version) {
          const versions = found.get(manifest.name) ?? new Set<string>();
          versions.add(manifest.version);
          found.set(manifest.name, versions);
        }
      } catch {
        // not a package (a folder of bins, a cache)
      }
      visit(path.join(dir, "node_modules"));
    }
  };
  visit(nodeModules);
  return found;
}

export interface Finding {
  advisory: Advisory;
  version: string;
}

/** The advisories that hold for what is installed: one finding per affected installed version. */
export function findAdvisories(
  installed: Map<string, Set<string>>,
  advisories: readonly Advisory[] = ADVISORIES,
): Finding[] {
  return advisories.flatMap((advisory) =>
    [...(installed.get(advisory.package) ?? [])]
      .filter((version) =>
        semver.satisfies(version, advisory.affected, { includePrerelease: true }),
      )
      .map((version) => ({ advisory, version })),
  );
}

/** The framework's packages whose versions the check prints, found or not. */
export const FRAMEWORK = [
  "react-router",
  "@react-router/node",
  "@react-router/express",
  "@react-router/dev",
  "@react-router/fs-routes",
  "@remix-run/route-pattern",
  "@remix-run/node-fetch-server",
  "turbo-stream",
  "react",
  "react-dom",
  "vite",
  "express",
  "compression",
];

/** React Router's packages, released together: a set is coherent when every one of them has the version. */
export const RELEASED_TOGETHER = [
  "react-router",
  "@react-router/node",
  "@react-router/express",
  "@react-router/dev",
  "@react-router/fs-routes",
] as const;

/**
 * The newest version every package of the set is published at, releases only (no prerelease), or
 * null. The registry may serve `react-router` a release before `@react-router/dev` has it: moving
 * then would pair a runtime with a build of another release, so the set moves only together.
 */
export function newestCoherentVersion(
  published: ReadonlyMap<string, readonly string[]>,
  packages: readonly string[] = RELEASED_TOGETHER,
): string | null {
  const [first, ...rest] = packages.map((name) => new Set(published.get(name) ?? []));
  const common = [...(first ?? [])].filter(
    (version) =>
      semver.valid(version) && !semver.prerelease(version) && rest.every((set) => set.has(version)),
  );
  return common.sort(semver.rcompare)[0] ?? null;
}
