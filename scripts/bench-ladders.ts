/**
 * `npm run bench:ladders [-- <runs> [<folder>]]`: loads and validates a ladder folder (default
 * frameworks/engineering) repeatedly, from disk each time, and prints min/median/p95 in ms;
 * then does the same for a frameworks folder holding ten ladders of that size (copies with
 * their own ids), as a server with ten job families loads them. Bars: under 100 ms for one,
 * under 1 s for ten.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  loadAllLadders,
  loadLadderFromDirectory,
} from "../app/modules/ladders/load-from-directory.server.ts";

const runs = Number(process.argv[2] ?? 50);
const folder = process.argv[3] ?? "frameworks/engineering";
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench:ladders [-- <runs> [<folder>]]");
  process.exit(1);
}

// One untimed run warms the JIT and reports content errors before any timing.
const first = loadLadderFromDirectory(folder);
if (!first.ok) {
  console.error(
    `bench:ladders: ${folder} does not validate (${first.errors.length} errors); run npm run ladders:check`,
  );
  process.exit(1);
}

function time(count: number, load: () => boolean): { min: number; median: number; p95: number } {
  const timings: number[] = [];
  for (let run = 0; run < count; run++) {
    const start = performance.now();
    const ok = load();
    timings.push(performance.now() - start);
    if (!ok) throw new Error("a ladder stopped validating during the benchmark");
  }
  timings.sort((a, b) => a - b);
  const at = (fraction: number) =>
    timings[Math.min(timings.length - 1, Math.ceil(fraction * timings.length) - 1)]!;
  return { min: timings[0]!, median: at(0.5), p95: at(0.95) };
}
const ms = (value: number) => value.toFixed(2);
const verdict = (p95: number, bar: number) =>
  p95 < bar ? `under ${bar} ms: yes` : `under ${bar} ms: NO`;

const one = time(runs, () => loadLadderFromDirectory(folder).ok);
console.log(
  `bench:ladders ${folder}: ${runs} runs, min ${ms(one.min)} ms, median ${ms(one.median)} ms, p95 ${ms(one.p95)} ms, ${verdict(one.p95, 100)} (hash ${first.hash.slice(0, 12)})`,
);

// Ten job families of the same size: the folder copied ten times, each copy with its own ladder id.
const ladderId = first.ladder.meta.id;
const families = mkdtempSync(join(tmpdir(), "rungs-bench-ladders-"));
try {
  for (let copy = 1; copy <= 10; copy++) {
    const target = join(families, `${ladderId}-${copy}`);
    cpSync(folder, target, { recursive: true });
    const ladderFile = join(target, "ladder.yaml");
    const text = readFileSync(ladderFile, "utf8");
    if (!text.includes(`id: ${ladderId}\n`))
      throw new Error(
        `${folder}/ladder.yaml must hold the ladder's id as "id: ${ladderId}" for the ten-ladder run`,
      );
    writeFileSync(ladderFile, text.replace(`id: ${ladderId}\n`, `id: ${ladderId}-${copy}\n`));
  }
  const tenRuns = Math.max(5, Math.ceil(runs / 5));
  const ten = time(tenRuns, () => {
    const loaded = loadAllLadders(families);
    return loaded.length === 10 && loaded.every((entry) => entry.result.ok);
  });
  console.log(
    `bench:ladders ten ladders of that size: ${tenRuns} runs, min ${ms(ten.min)} ms, median ${ms(ten.median)} ms, p95 ${ms(ten.p95)} ms, ${verdict(ten.p95, 1000)}`,
  );
} finally {
  rmSync(families, { recursive: true, force: true });
}
