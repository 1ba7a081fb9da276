import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ADVISORIES,
  findAdvisories,
  installedPackages,
  newestCoherentVersion,
} from "../../../scripts/advisories";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A node_modules tree holding exactly these packages (a nested path puts one inside another's node_modules). */
function tree(packages: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "rungs-advisories-"));
  folders.push(root);
  for (const [where, version] of Object.entries(packages)) {
    const dir = path.join(
      root,
      ...where
        .split(">")
        .map((name) => name.trim())
        .flatMap((name, index) => (index === 0 ? [name] : ["node_modules", name])),
    );
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: where.split(">").at(-1)!.trim(), version }),
    );
  }
  return root;
}

const found = (packages: Record<string, string>) =>
  findAdvisories(installedPackages(tree(packages))).map(
    ({ advisory, version }) => `${advisory.package}@${version}`,
  );

describe("the advisory check", () => {
  test("finds each of the framework's known advisories below its fixed release, nested copies included", () => {
    expect(found({ "turbo-stream": "2.4.1" })).toEqual(["turbo-stream@2.4.1"]);
    expect(found({ "react-router": "6.30.4" })).toEqual([
      "react-router@6.30.4",
      "react-router@6.30.4",
    ]);
    expect(found({ "react-router-dom": "6.30.4" })).toEqual(["react-router-dom@6.30.4"]);
    expect(found({ "@remix-run/router": "1.23.3" })).toEqual(["@remix-run/router@1.23.3"]);
    expect(found({ express: "4.22.3", "express > turbo-stream": "2.4.1" })).toEqual([
      "turbo-stream@2.4.1",
    ]);
    // Remix 2 has no release that fixes them: any version is reported.
    expect(found({ "@remix-run/react": "2.17.5", "@remix-run/node": "2.17.5" })).toEqual([
      "@remix-run/react@2.17.5",
      "@remix-run/node@2.17.5",
    ]);
  });

  test("passes the releases that fixed them, and React Router 8's own packages", () => {
    expect(
      found({
        "turbo-stream": "3.0.0",
        "react-router": "8.4.0",
        "@remix-run/router": "1.23.4",
        "@remix-run/route-pattern": "0.22.1",
        "@remix-run/node-fetch-server": "0.14.2",
      }),
    ).toEqual([]);
    expect(found({ "react-router": "7.18.0" })).toEqual([]);
  });

  test("what this project installed has none of them", () => {
    expect(findAdvisories(installedPackages("node_modules"))).toEqual([]);
    expect(
      ADVISORIES.filter((advisory) =>
        ["turbo-stream", "react-router", "react-router-dom", "@remix-run/react"].includes(
          advisory.package,
        ),
      ).length,
    ).toBeGreaterThanOrEqual(4);
  });
});

describe("the newest release React Router's packages share", () => {
  test("is the highest version every package is published at, releases only", () => {
    const published = new Map([
      ["react-router", ["8.3.1", "8.4.0", "8.5.0", "8.5.3", "8.6.0-pre.1"]],
      ["@react-router/node", ["8.3.1", "8.4.0", "8.5.1", "8.6.0-pre.1"]],
      ["@react-router/express", ["8.3.1", "8.4.0", "8.6.0-pre.1"]],
      ["@react-router/dev", ["8.3.1", "8.4.0", "8.6.0-pre.1"]],
      ["@react-router/fs-routes", ["8.3.1", "8.4.0", "8.6.0-pre.1"]],
    ]);
    expect(newestCoherentVersion(published)).toBe("8.4.0");
    published.set("@react-router/dev", ["8.4.0", "8.5.3"]);
    expect(newestCoherentVersion(published)).toBe("8.4.0");
    expect(newestCoherentVersion(new Map([["react-router", ["8.4.0"]]]))).toBeNull();
  });
});
