/**
 * CPU time of processes, read from the kernel (/proc/<pid>/stat: user and system time, in clock
 * ticks), before and after a known number of requests: CPU per request. Request rates on these
 * shared machines move twofold within a run; the CPU a request takes does not (docs/benchmarks).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Milliseconds per clock tick (getconf CLK_TCK, 100 on Linux: 10 ms). */
const TICK_MS =
  1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

/** `ended`: the CPU of its children that have ended and been waited for (cutime and cstime). */
type Stat = { pid: number; ppid: number; comm: string; ticks: number; ended: number };

/** One process's stat line: the command is in brackets and may hold spaces, so fields are counted after it. */
function stat(pid: number): Stat | null {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = line.lastIndexOf(")");
    const comm = line.slice(line.indexOf("(") + 1, close);
    const fields = line.slice(close + 2).split(" ");
    // After the command: state (3), ppid (4), …, utime (14), stime (15), cutime (16), cstime (17),
    // numbered from the pid as 1.
    return {
      pid,
      ppid: Number(fields[1]),
      comm,
      ticks: Number(fields[11]) + Number(fields[12]),
      ended: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

function everyProcess(): Stat[] {
  return readdirSync("/proc").flatMap((entry) =>
    /^\d+$/.test(entry) ? (stat(Number(entry)) ?? []) : [],
  );
}

/** CPU milliseconds used so far by a process and every process under it (the app's worker processes). */
export function treeMs(root: number): number {
  const all = everyProcess();
  const children = new Map<number, Stat[]>();
  for (const process of all)
    (children.get(process.ppid) ?? children.set(process.ppid, []).get(process.ppid)!).push(process);
  let ticks = 0;
  const queue = all.filter((process) => process.pid === root);
  while (queue.length) {
    const next = queue.pop()!;
    ticks += next.ticks;
    queue.push(...(children.get(next.pid) ?? []));
  }
  return ticks * TICK_MS;
}

/** CPU milliseconds used so far by every PostgreSQL process on the machine (its backends serve the app's queries; a replica's too), and PgBouncer's in front of them. */
export function postgresMs(): number {
  const all = everyProcess().filter(
    (process) => process.comm === "postgres" || process.comm === "pgbouncer",
  );
  const servers = new Set(all.map((process) => process.pid));
  // A parallel query's workers end with it: their CPU is then the postmaster's (the one whose parent
  // is not PostgreSQL) as children ended, which the live processes' sum alone would miss.
  return (
    all.reduce(
      (sum, process) => sum + process.ticks + (servers.has(process.ppid) ? 0 : process.ended),
      0,
    ) * TICK_MS
  );
}
