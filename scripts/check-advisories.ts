/**
 * `npm run advisories [-- <node_modules folder>]`: prints the installed versions of the web
 * framework's packages and fails (exit 1) when any installed package is below the release that
 * fixed a known advisory (scripts/advisories.ts).
 */
import { ADVISORIES, findAdvisories, FRAMEWORK, installedPackages } from "./advisories.ts";

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
