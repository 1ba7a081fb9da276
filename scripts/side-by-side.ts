/**
 * `tsx scripts/side-by-side.ts <npm script>...`: runs the named npm scripts at once and prints each
 * one's output whole when it ends, under a line with its result and time; exits 1 when any failed.
 *
 * For the steps that start `npm test` (typecheck, lint, formatting, links, ladders, advisories, and
 * the build): each writes nothing the others read (the build writes build/, which the checks leave
 * out), so on two cores they take about as long together as the typecheck alone, the longest
 * (decision 074).
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("Usage: tsx scripts/side-by-side.ts <npm script>...");
  process.exit(2);
}

const started = Date.now();
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise<{ script: string; ok: boolean }>((resolve) => {
        const child = spawn("npm", ["run", "--silent", script], {
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" },
        });
        const output: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
        child.on("close", (code, signal) => {
          const ok = code === 0;
          const seconds = Math.round((Date.now() - started) / 1000);
          process.stdout.write(
            `\n── npm run ${script}: ${ok ? "passed" : `FAILED (${signal ?? `exit ${code}`})`} after ${seconds} s\n`,
          );
          process.stdout.write(Buffer.concat(output));
          resolve({ script, ok });
        });
      }),
  ),
);

const failed = results.filter((result) => !result.ok).map((result) => result.script);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
