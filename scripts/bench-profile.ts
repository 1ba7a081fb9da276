/**
 * Where a page's CPU goes, for the pages the bench finds over a CPU bar (issue 85: the bench names
 * "with its profile" the page that cannot meet one). An app server of one process, started with
 * Node's inspector on loopback, serves the pages a second time after the measured run; V8's sampling
 * profiler runs while each page is driven on its own, and each sample's self time goes to the part
 * of the stack it was taken in (the database, React's rendering, the router, compression, …). A
 * native call (SQLite's step, the compressor) is counted in the JavaScript function that made it.
 * The profile says where time goes, not how much: the inspector and the sampling cost a little, so
 * the figures beside it stay those of the measured run.
 */

import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Enough of V8's `Profiler.Profile` for self time by call frame. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
};

export type Part =
  | "database"
  | "rendering"
  | "router"
  | "compression"
  | "messages"
  | "validation"
  | "app"
  | "node"
  | "gc"
  | "engine";

/** How each part is named in the bench's output. */
export const PART_NAMES: Record<Part, string> = {
  database: "database (Prisma and the driver)",
  rendering: "React rendering",
  router: "React Router and Express",
  compression: "compression",
  messages: "messages (i18next)",
  validation: "validation (zod, conform)",
  app: "Rungs' own code",
  node: "Node (HTTP, streams, async hooks)",
  gc: "garbage collection",
  engine: "V8, unattributed",
};

/** The first rule that matches a frame's script names its part; the order matters (the app's database layer before the app). */
const RULES: [Part, RegExp][] = [
  [
    "database",
    /\/app\/db\/|node_modules\/(@prisma\/|prisma\/|better-sqlite3\/|pg\/|pg-protocol\/|pg-pool\/)|\/prisma\/generated\//,
  ],
  ["rendering", /node_modules\/(react-dom|react|scheduler)\//],
  [
    "router",
    /node_modules\/(react-router|@react-router\/[^/]+|turbo-stream|express|router|body-parser|cookie|send|finalhandler)\//,
  ],
  ["compression", /^node:zlib$|node_modules\/(compression|compressible)\//],
  ["messages", /node_modules\/(i18next[^/]*|intl-messageformat|@formatjs\/[^/]+)\//],
  ["validation", /node_modules\/(zod|@conform-to\/[^/]+)\//],
  ["app", /\/build\/server\/|\/app\/|\/server\//],
  ["node", /^node:/],
];

export function partOf(frame: { functionName: string; url: string }): Part {
  if (frame.functionName === "(garbage collector)") return "gc";
  for (const [part, pattern] of RULES) if (pattern.test(frame.url)) return part;
  // Other packages (cookie parsing, …) are few; with no script at all it is V8's own work.
  return frame.url ? "node" : "engine";
}

export type Attribution = {
  /** Milliseconds of samples not idle. */
  busyMs: number;
  /** Each part's share of that, largest first. */
  parts: { part: Part; share: number }[];
  /** The functions with the most self time: name, script and line, part, share. */
  heaviest: { name: string; where: string; part: Part; share: number }[];
};

/** V8's own entries: not functions, so never given to a caller. */
const V8_ENTRIES = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

/** Where a frame of a built bundle was written: its source file's URL and line (0-based). */
export type SourceOf = (frame: CpuFrame) => { url: string; lineNumber: number } | null;
type CpuFrame = CpuProfile["nodes"][number]["callFrame"];

/**
 * Self time by part and by function, idle left out. A native function (no script: SQLite's `all`,
 * an `Intl` constructor) counts in the part of the nearest caller that has a script, and is named
 * with it. A frame in a bundle is read where `sourceOf` finds it written (the build's source
 * maps): the server's bundle holds the app's database layer and the server's own code alike.
 */
export function attribute(profile: CpuProfile, top = 5, sourceOf?: SourceOf): Attribution {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const caller = (id: number) => {
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (frame.url) return frame;
    }
    return null;
  };
  const parts = new Map<Part, number>();
  const functions = new Map<string, { name: string; where: string; part: Part; time: number }>();
  let busy = 0;
  for (const node of profile.nodes) {
    const time = byNode.get(node.id) ?? 0;
    if (time <= 0 || node.callFrame.functionName === "(idle)") continue;
    const own = node.callFrame;
    const native = !own.url && !V8_ENTRIES.has(own.functionName);
    const called = (native && caller(node.id)) || own;
    const written = called.url ? sourceOf?.(called) : null;
    const frame = written ? { ...called, ...written } : called;
    const part = partOf(frame);
    busy += time;
    parts.set(part, (parts.get(part) ?? 0) + time);
    const where = frame.url ? `${shortScript(frame.url)}:${frame.lineNumber + 1}` : "V8";
    const name =
      called === own
        ? own.functionName || "(anonymous)"
        : `${own.functionName || "(native)"} in ${frame.functionName || "(anonymous)"}`;
    const key = `${name} ${where}`;
    const entry = functions.get(key) ?? { name, where, part, time: 0 };
    entry.time += time;
    functions.set(key, entry);
  }
  return {
    busyMs: busy / 1000,
    parts: [...parts]
      .map(([part, time]) => ({ part, share: time / busy }))
      .sort((a, b) => b.share - a.share),
    heaviest: [...functions.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, top)
      .map(({ time, ...entry }) => ({ ...entry, share: time / busy })),
  };
}

/**
 * Reads the frames of the app's build (`build/`) through the source map beside each script, so a
 * frame is attributed to the file it was written in; each map is read once. Frames of other
 * scripts, or of a script without a map, stay as they are.
 */
export function sourcesOfBuild(): SourceOf {
  const maps = new Map<string, { map: SourceMap; folder: string } | null>();
  return (frame) => {
    if (!/^file:.*\/build\/.*\.js$/.test(frame.url)) return null;
    let read = maps.get(frame.url);
    if (read === undefined) {
      const script = fileURLToPath(frame.url);
      read = existsSync(`${script}.map`)
        ? {
            map: new SourceMap(JSON.parse(readFileSync(`${script}.map`, "utf8"))),
            folder: path.dirname(script),
          }
        : null;
      maps.set(frame.url, read);
    }
    if (!read) return null;
    const found = read.map.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!("originalSource" in found) || !found.originalSource) return null;
    const source = found.originalSource.startsWith("file:")
      ? found.originalSource
      : pathToFileURL(path.resolve(read.folder, found.originalSource)).href;
    return { url: source, lineNumber: found.originalLine };
  };
}

/** A script's name as a reader finds it: the package, or the path inside the project. */
function shortScript(url: string): string {
  if (!url) return "(native)";
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1]!;
  const project = /\/(build|app|server|scripts|prisma)\/(.*)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

/** A page's line: its CPU against the bar, what meeting it would take off, and where the time went. */
export function profileLine(
  label: string,
  measured: {
    cpuMs: number;
    ratio: number;
    bar: number;
    floorName: string;
    dbMs: number;
    /** SQL statements a request (scripts/bench-statements.ts), when counted. */
    statements?: number;
  },
  attribution: Attribution,
): string {
  const over = measured.cpuMs - (measured.cpuMs * measured.bar) / measured.ratio;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const parts = attribution.parts
    .filter((entry) => entry.share >= 0.01)
    .map((entry) => `${PART_NAMES[entry.part]} ${percent(entry.share)}`)
    .join(", ");
  const heaviest = attribution.heaviest
    .map((entry) => `${entry.name} (${entry.where}) ${percent(entry.share)}`)
    .join(", ");
  const statements = measured.statements
    ? ` It runs ${measured.statements} SQL statement${measured.statements === 1 ? "" : "s"} a request.`
    : "";
  const database =
    measured.dbMs > 0
      ? ` The database server's own CPU, beside it: ${measured.dbMs.toFixed(2)} ms a request${measured.statements ? `, ${Math.round((measured.dbMs * 1000) / measured.statements)} µs a statement` : ""}.`
      : "";
  return [
    `  ${label}: ${measured.cpuMs.toFixed(2)} ms, ${measured.ratio.toFixed(2)} x ${measured.floorName} (bar ${measured.bar}); meeting the bar takes ${over.toFixed(2)} ms off a request (${percent(over / measured.cpuMs)}).${statements}${database}`,
    `    the app process's time: ${parts}.`,
    `    most self time: ${heaviest}.`,
  ].join("\n");
}

/** A connection to a Node process's inspector (`--inspect=127.0.0.1:<port>`), over its WebSocket. */
export class Inspector {
  #socket: WebSocket;
  #next = 1;
  #waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      const waiting = message.id === undefined ? undefined : this.#waiting.get(message.id);
      if (!waiting) return;
      this.#waiting.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", () => reject(new Error("the inspector refused")), {
        once: true,
      });
    });
    const inspector = new Inspector(socket);
    await inspector.send("Profiler.enable");
    // Every 250 µs: enough samples in a few seconds for shares of a percent.
    await inspector.send("Profiler.setSamplingInterval", { interval: 250 });
    return inspector;
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The profile of whatever the process does while `load` runs. */
  async profile(load: () => Promise<unknown>): Promise<CpuProfile> {
    await this.send("Profiler.start");
    await load();
    return ((await this.send("Profiler.stop")) as { profile: CpuProfile }).profile;
  }

  close() {
    this.#socket.close();
  }
}
