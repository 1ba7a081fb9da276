/**
 * `npm run advisories [-- <node_modules folder>]`: prints the installed versions of the web
 * framework's packages and fails (exit 1) when any installed package is below the release that
 * fixed a known advisory (scripts/advisories.ts). It also says whether the registry has a newer
 * release of React Router that all its packages share, so the move happens the day it can; that
 * never fails the check (the registry may be out of reach, and a newer release is not a fault).
 */
import {
  ADVISORIES,
  findAdvisories,
  FRAMEWORK,
  installedPackages,
  newestCoherentVersion,
  RELEASED_TOGETHER,
} from "./advisories.ts";
import semver from "semver";

const folder = process.argv[2] ?? "node_modules";
const installed = installedPackages(folder);
for (const name of FRAMEWORK) {
  const versions = [...(installed.get(name) ?? [])];
  // React Router carries its own fork of turbo-stream 2, fixed with React Router 7.18.
  const note =
    name === "turbo-stream" && versions.length === 0
      ? "not installed (React Router's own copy is covered by its version)"
      : versions.join(", ") || "not installed";
  console.log(`${name.padEnd(30)} ${note}`);
}
const findings = findAdvisories(installed);
if (findings.length === 0) {
  console.log(
    `Advisories: none of ${ADVISORIES.length} known advisories applies to what is installed.`,
  );
} else {
  for (const { advisory, version } of findings) {
    const fix = advisory.fixedIn ? `fixed in ${advisory.fixedIn}` : "no fixed release";
    console.log(
      `ADVISORY ${advisory.severity}: ${advisory.package}@${version} (${fix}): ${advisory.title}`,
    );
  }
  console.log(`Advisories: ${findings.length} installed package version(s) affected.`);
  process.exitCode = 1;
}

/** Every published version of a package, from the registry's abbreviated metadata. */
async function publishedVersions(name: string): Promise<string[]> {
  const response = await fetch(`https://registry.npmjs.org/${name.replace("/", "%2f")}`, {
    headers: { accept: "application/vnd.npm.install-v1+json" },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`${name}: the registry answered ${response.status}`);
  return Object.keys(((await response.json()) as { versions: Record<string, unknown> }).versions);
}

const current = [...(installed.get("react-router") ?? [])].sort(semver.rcompare)[0];
try {
  const published = new Map(
    await Promise.all(
      RELEASED_TOGETHER.map(async (name) => [name, await publishedVersions(name)] as const),
    ),
  );
  const newest = newestCoherentVersion(published);
  if (newest && current && semver.gt(newest, current))
    console.log(
      `Framework: a newer release every React Router package has is out, ${newest} (installed ${current}): move ${RELEASED_TOGETHER.join(", ")} to it together.`,
    );
  else
    console.log(
      `Framework: ${current ?? "no react-router"} is the newest release every React Router package has (${RELEASED_TOGETHER.length} packages checked on the registry).`,
    );
} catch (error) {
  console.log(
    `Framework: the registry could not be read (${error instanceof Error ? error.message : String(error)}); newer releases not checked.`,
  );
}
