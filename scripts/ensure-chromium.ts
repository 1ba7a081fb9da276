import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPackage, chromiumPath } from "../test/e2e/chromium.ts";

/**
 * End-to-end tests drive Debian's Chromium headless shell (test/e2e/chromium.ts). Install it when
 * it is missing and we are root; otherwise say exactly what to run.
 */
if (existsSync(chromiumPath)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium was not found at ${chromiumPath}. Install it with:\n  sudo apt-get update && sudo apt-get install -y ${chromiumPackage}\nor set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
console.log(`Chromium is missing: installing Debian's ${chromiumPackage} package…`);
const run = (args: string[]) =>
  execFileSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
run(["update", "-qq"]);
run(["install", "-y", "-qq", chromiumPackage]);
if (!existsSync(chromiumPath)) {
  console.error(`Chromium is still missing at ${chromiumPath} after installing it.`);
  process.exit(1);
}
