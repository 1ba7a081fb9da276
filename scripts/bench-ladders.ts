/**
 * `npm run bench:ladders [-- <runs> [<folder>]]`: loads and validates a ladder folder (default
 * frameworks/engineering) repeatedly, from disk each time, and prints min/median/p95 in ms.
 */
import { performance } from "node:perf_hooks";
import { loadLadderFromDirectory } from "../app/modules/ladders/load-from-directory.server.ts";

const runs = Number(process.argv[2] ?? 50);
const folder = process.argv[3] ?? "frameworks/engineering";
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench:ladders [-- <runs> [<folder>]]");
  process.exit(1);
}

// One untimed run warms the JIT and reports content errors before any timing.
const first = loadLadderFromDirectory(folder);
if (!first.ok) {
  console.error(`bench:ladders: ${folder} does not validate (${first.errors.length} errors); run npm run ladders:check`);
  process.exit(1);
}

const timings: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const result = loadLadderFromDirectory(folder);
  timings.push(performance.now() - start);
  if (!result.ok) throw new Error("ladder stopped validating during the benchmark");
}
timings.sort((a, b) => a - b);
const at = (fraction: number) => timings[Math.min(timings.length - 1, Math.ceil(fraction * timings.length) - 1)]!;
const ms = (value: number) => value.toFixed(2);
console.log(
  `bench:ladders ${folder}: ${runs} runs, min ${ms(timings[0]!)} ms, median ${ms(at(0.5))} ms, p95 ${ms(at(0.95))} ms (hash ${first.hash.slice(0, 12)})`,
);
