// `npm run bench` names each page over a CPU bar with where its time goes (scripts/bench-profile.ts).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { afterEach, describe, expect, test } from "vitest";
import { freePort } from "../../../scripts/app-servers";
import {
  attribute,
  Inspector,
  partOf,
  profileLine,
  sourcesOfBuild,
  type CpuProfile,
} from "../../../scripts/bench-profile";

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});
const APP = "file:///srv/rungs/build/server/index.js";
const ADAPTER = "file:///srv/rungs/app/db/sqlite-adapter.server.ts";
const REACT_DOM =
  "file:///srv/rungs/node_modules/react-dom/cjs/react-dom-server.node.production.js";
const ROUTER = "file:///srv/rungs/node_modules/react-router/dist/production/index.mjs";

// root ─ (program), (garbage collector), (idle), loader (the app) ─ queryRaw (the adapter) ─ all (native)
//                                                               └ format (native)
//                                      └ renderWithHooks (React) ─ matchRoutes (the router)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", ""), children: [2, 3, 4, 5, 8] },
    { id: 2, callFrame: frame("(program)", "") },
    { id: 3, callFrame: frame("(garbage collector)", "") },
    { id: 4, callFrame: frame("(idle)", "") },
    { id: 5, callFrame: frame("loader", APP, 41), children: [6, 10] },
    { id: 6, callFrame: frame("queryRaw", ADAPTER, 92), children: [7] },
    { id: 7, callFrame: frame("all", "") },
    { id: 8, callFrame: frame("renderWithHooks", REACT_DOM, 4831), children: [9] },
    { id: 9, callFrame: frame("matchRoutes", ROUTER, 22) },
    { id: 10, callFrame: frame("format", "") },
  ],
  // µs per sample: 10,000 idle, and 10,000 busy split 40/20/15/10/10/5 (native all, format, …).
  samples: [4, 7, 6, 10, 8, 9, 3, 2],
  timeDeltas: [10_000, 4_000, 1_000, 2_000, 1_500, 1_000, 1_000, 500],
};

describe("where a page's CPU goes", () => {
  test("scripts name their parts: the app's database layer before the app, packages by name, Node's own modules", () => {
    expect(partOf(frame("queryRaw", ADAPTER))).toBe("database");
    expect(partOf(frame("all", "file:///x/node_modules/better-sqlite3/lib/methods/x.js"))).toBe(
      "database",
    );
    expect(partOf(frame("loader", APP))).toBe("app");
    expect(partOf(frame("matchRoutes", ROUTER))).toBe("router");
    expect(partOf(frame("renderWithHooks", REACT_DOM))).toBe("rendering");
    expect(partOf(frame("processChunk", "node:zlib"))).toBe("compression");
    expect(partOf(frame("t", "file:///x/node_modules/i18next/dist/esm/i18next.js"))).toBe(
      "messages",
    );
    expect(partOf(frame("parse", "file:///x/node_modules/zod/v4/core/parse.js"))).toBe(
      "validation",
    );
    expect(partOf(frame("emit", "node:events"))).toBe("node");
    expect(partOf(frame("(garbage collector)", ""))).toBe("gc");
    expect(partOf(frame("(program)", ""))).toBe("engine");
  });

  test("self time by part leaves idle out, and a native call counts in its nearest caller with a script", () => {
    const attribution = attribute(profile, 3);
    expect(attribution.busyMs).toBe(11);
    // The adapter's 1 ms and SQLite's 4 ms under it; the app's 0 ms of its own and its native format's 2.
    expect(attribution.parts).toEqual([
      { part: "database", share: 5 / 11 },
      { part: "app", share: 2 / 11 },
      { part: "rendering", share: 1.5 / 11 },
      // Equal shares keep the order the profile first met them in.
      { part: "gc", share: 1 / 11 },
      { part: "router", share: 1 / 11 },
      { part: "engine", share: 0.5 / 11 },
    ]);
    expect(attribution.heaviest).toEqual([
      {
        name: "all in queryRaw",
        where: "app/db/sqlite-adapter.server.ts:93",
        part: "database",
        share: 4 / 11,
      },
      { name: "format in loader", where: "build/server/index.js:42", part: "app", share: 2 / 11 },
      { name: "renderWithHooks", where: "react-dom:4832", part: "rendering", share: 1.5 / 11 },
    ]);
  });

  test("a page's line says what meeting the bar takes off a request, and where the time went", () => {
    const line = profileLine(
      "goal tree",
      { cpuMs: 20, ratio: 16, bar: 8, floorName: "the bare page", dbMs: 0 },
      attribute(profile, 2),
    );
    expect(line).toContain(
      "goal tree: 20.00 ms, 16.00 x the bare page (bar 8); meeting the bar takes 10.00 ms off a request (50%).",
    );
    expect(line).toContain(
      "database (Prisma and the driver) 45%, Rungs' own code 18%, React rendering 14%, garbage collection 9%, React Router and Express 9%, V8, unattributed 5%.",
    );
    expect(line).toContain(
      "most self time: all in queryRaw (app/db/sqlite-adapter.server.ts:93) 36%, format in loader (build/server/index.js:42) 18%.",
    );
    expect(line).not.toContain("database server");
    expect(line).not.toContain("SQL statement");
  });

  test("says how many SQL statements a request runs, and on PostgreSQL what each costs its server", () => {
    const line = profileLine(
      "home page",
      { cpuMs: 12, ratio: 12, bar: 8, floorName: "the bare page", dbMs: 3.8, statements: 19 },
      attribute(profile, 2),
    );
    expect(line).toContain(
      "(33%). It runs 19 SQL statements a request. The database server's own CPU, beside it: 3.80 ms a request, 200 µs a statement.",
    );
  });
});

describe("a profile of the built app", () => {
  test("frames of a bundle count where they were written, read through the build's source maps", () => {
    // A server's bundle holding the app's database layer, as esbuild writes build/start.
    const root = mkdtempSync(join(tmpdir(), "rungs-profile-"));
    try {
      mkdirSync(join(root, "app/db"), { recursive: true });
      mkdirSync(join(root, "server"), { recursive: true });
      writeFileSync(
        join(root, "app/db/adapter.ts"),
        "export function queryRaw(sql: string) {\n  return sql.length;\n}\n",
      );
      writeFileSync(
        join(root, "server/index.ts"),
        'import { queryRaw } from "../app/db/adapter";\nexport function serve() {\n  return queryRaw("SELECT 1");\n}\n',
      );
      buildSync({
        entryPoints: [join(root, "server/index.ts")],
        bundle: true,
        format: "esm",
        platform: "node",
        sourcemap: true,
        outdir: join(root, "build/start"),
        logLevel: "silent",
      });
      const script = join(root, "build/start/index.js");
      const text = readFileSync(script, "utf8");
      // Where V8 would name each function: 0-based line and column of its body in the bundle.
      const at = (name: string) => {
        const lines = text.slice(0, text.indexOf(`function ${name}`)).split("\n");
        return { lineNumber: lines.length - 1, columnNumber: lines.at(-1)!.length };
      };
      const url = pathToFileURL(script).href;
      const bundled: CpuProfile = {
        nodes: [
          { id: 1, callFrame: frame("(root)", ""), children: [2] },
          { id: 2, callFrame: { functionName: "serve", url, ...at("serve") }, children: [3] },
          { id: 3, callFrame: { functionName: "queryRaw", url, ...at("queryRaw") }, children: [4] },
          { id: 4, callFrame: frame("all", "") },
        ],
        samples: [4, 3, 2],
        timeDeltas: [3_000, 1_000, 1_000],
      };
      // Read as it runs, the bundle is no part of the app: a script of its own.
      expect(attribute(bundled).parts).toEqual([{ part: "node", share: 1 }]);
      const sourceOf = sourcesOfBuild();
      expect(sourceOf({ functionName: "queryRaw", url, ...at("queryRaw") })).toEqual({
        url: pathToFileURL(join(root, "app/db/adapter.ts")).href,
        lineNumber: 0,
      });
      const read = attribute(bundled, 3, sourceOf);
      expect(read.parts).toEqual([
        { part: "database", share: 4 / 5 },
        { part: "app", share: 1 / 5 },
      ]);
      // Equal shares keep the order the profile first met them in.
      expect(read.heaviest).toEqual([
        { name: "all in queryRaw", where: "app/db/adapter.ts:1", part: "database", share: 3 / 5 },
        { name: "serve", where: "server/index.ts:2", part: "app", share: 1 / 5 },
        { name: "queryRaw", where: "app/db/adapter.ts:1", part: "database", share: 1 / 5 },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the profile of another process, through its inspector", () => {
  let child: ReturnType<typeof spawn> | null = null;
  afterEach(() => {
    child?.kill();
    child = null;
  });

  test("a process that compresses all the time spends its profile in compression", async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      [
        `--inspect=127.0.0.1:${port}`,
        "-e",
        "const zlib = require('node:zlib'); const data = Buffer.alloc(1 << 18, 'rungs '); setInterval(() => { for (let i = 0; i < 4; i++) zlib.brotliCompressSync(data); }, 1);",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    // The inspector says where it listens before the script runs.
    await new Promise<void>((resolve) =>
      child!.stderr!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Debugger listening")) resolve();
      }),
    );
    const inspector = await Inspector.connect(port);
    try {
      const sampled = await inspector.profile(() => new Promise((done) => setTimeout(done, 400)));
      const attribution = attribute(sampled);
      expect(attribution.busyMs).toBeGreaterThan(50);
      expect(attribution.parts[0]).toMatchObject({ part: "compression" });
      expect(attribution.parts[0]!.share).toBeGreaterThan(0.5);
    } finally {
      inspector.close();
    }
  }, 20_000);
});
