import { spawn } from "node:child_process";
import { expect, test } from "vitest";

/** What `freePort` hands one fresh process: run as its own Node process, as a worker of another suite would be. */
function portOfAnotherProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        // Held a moment, as a worker holds its block while its tests run.
        'const { freePort } = await import("./scripts/app-servers.ts"); console.log(await freePort()); setTimeout(() => {}, 3000);',
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("error", reject);
  });
}

test("two test processes on one machine, of one suite or two run side by side, are handed ports of different blocks", async () => {
  // Both see the same worker number, as the first worker of two suites do.
  const [first, second] = await Promise.all([portOfAnotherProcess(), portOfAnotherProcess()]);
  expect(first).toBeGreaterThanOrEqual(20_000);
  expect(second).toBeGreaterThanOrEqual(20_000);
  expect(Math.max(first, second)).toBeLessThan(32_768);
  expect(Math.floor(first / 100)).not.toBe(Math.floor(second / 100));
}, 20_000);
