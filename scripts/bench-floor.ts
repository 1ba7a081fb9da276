/**
 * The bench's floors: bare React Router apps, built from the project's own node_modules (the same
 * React Router, React, Vite, Express and compression), served the same way as Rungs (Express with
 * React Router's request handler behind compression, the same Node options, as many app processes
 * behind node:cluster's primary). Every page of Rungs
 * is measured against them in the same run: what the framework itself costs on this machine today.
 *
 * - "bare": one page of one line of text (`/status`) and one resource route (`/ping`).
 * - "routes": the same app with Rungs' route table (every file of app/routes present, each an
 *   empty module but those two) and a root with a minimal loader and layout: what a frame of
 *   Rungs' size costs before Rungs does anything.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type FloorKind = "bare" | "routes";

const STATUS = `export default function Status() {
  return <p>Up.</p>;
}
`;

const PING = `export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
`;

const BARE_ROOT = `import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
export default function App() {
  return <Outlet />;
}
`;

/** A root with a loader that reads the request (as Rungs' root asks who is signed in) and a layout that uses its data. */
const ROUTES_ROOT = `import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
export async function loader({ request }: { request: Request }) {
  return { viewer: null, theme: request.headers.get("Cookie")?.includes("theme=dark") ? "dark" : "system" };
}
export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<{ viewer: null; theme: string }>("root");
  return (
    <html lang="en" data-theme={data?.theme ?? "system"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <main>{children}</main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
export default function App() {
  return <Outlet />;
}
`;

const FILES: Record<string, string> = {
  // The framework's packages resolve from the dependencies (their versions are the project's, through the link below).
  "package.json": `{ "name": "bench-floor", "private": true, "type": "module", "dependencies": { "@react-router/dev": "*", "@react-router/express": "*", "@react-router/fs-routes": "*", "@react-router/node": "*", "compression": "*", "express": "*", "react": "*", "react-dom": "*", "react-router": "*" } }
`,
  // Configured as Rungs is (react-router.config.ts).
  "react-router.config.js": `export default { ssr: true, routeDiscovery: { mode: "initial" } };
`,
  "vite.config.mjs": `import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
export default defineConfig({ logLevel: "warn", plugins: [reactRouter()] });
`,
  // The document rendered whole and sent as one body, as Rungs' own entry does (decision 007), without its nonce and logging.
  "app/entry.server.tsx": `import { Writable } from "node:stream";
import { ServerRouter, type EntryContext } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) { chunks.push(chunk); callback(); },
      final(callback) { headers.set("Content-Type", "text/html; charset=utf-8"); resolve(new Response(Buffer.concat(chunks), { headers, status })); callback(); },
    });
    const { pipe } = renderToPipeableStream(<ServerRouter context={context} url={request.url} />, { onAllReady() { pipe(body); }, onShellError: reject });
  });
}
`,
  "app/routes.ts": `import { flatRoutes } from "@react-router/fs-routes";
export default flatRoutes();
`,
  "app/routes/status.tsx": STATUS,
  "app/routes/ping.ts": PING,
  "server.mjs": `import { createRequestHandler } from "@react-router/express";
import express from "express";
import { compressAnswers } from "./server/compression.ts";
import { sendSmallAnswersWhole } from "./server/small-answers.ts";
import cluster from "node:cluster";
// As many app processes as Rungs runs, behind node:cluster's primary as Rungs' are.
const processes = Number(process.env.PROCESSES ?? 1);
if (processes > 1 && cluster.isPrimary) {
  for (let i = 0; i < processes; i++) cluster.fork();
  await new Promise(() => {});
}
const build = await import("./build/server/index.js");
const app = express();
app.disable("x-powered-by");
app.use(compressAnswers());
app.use(sendSmallAnswersWhole());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
};

/** Writes and builds a floor app in `folder` (its node_modules a link to the project's). */
export function buildFloorApp(kind: FloorKind, folder: string, projectRoot: string): void {
  const files: Record<string, string> = {
    ...FILES,
    "app/root.tsx": kind === "bare" ? BARE_ROOT : ROUTES_ROOT,
  };
  if (kind === "routes") {
    // Rungs' route table: each of its route files, empty, beside the floor's own two.
    for (const file of readdirSync(path.join(projectRoot, "app/routes"))) {
      const route = `app/routes/${file}`;
      files[route] ??= "export {};\n";
    }
  }
  // Compressed as Rungs compresses: its own two files, which Node runs as they are (types stripped).
  for (const file of ["server/compression.ts", "server/small-answers.ts"])
    files[file] = readFileSync(path.join(projectRoot, file), "utf8");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(folder, "node_modules"), "dir");
  const built = spawnSync(path.join(projectRoot, "node_modules/.bin/react-router"), ["build"], {
    cwd: folder,
    encoding: "utf8",
  });
  if (built.status !== 0)
    throw new Error(`the ${kind} floor app did not build: ${built.stdout}\n${built.stderr}`);
}

/** Starts a floor app's server on a port, with the Node options and the number of app processes Rungs is served with. */
export function startFloorApp(
  folder: string,
  port: number,
  nodeOptions: string,
  processes: number,
): ChildProcess {
  return spawn(process.execPath, ["server.mjs"], {
    cwd: folder,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      NODE_OPTIONS: nodeOptions,
      PROCESSES: String(processes),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * The JavaScript the bare floor's page makes the browser fetch (its entry, the route manifest, the
 * root's and the page's modules, with what they import), compressed as Rungs' build compresses its
 * scripts (brotli at its best quality, decision 131): what React, React DOM and React Router cost a
 * page before Rungs adds a word.
 */
export function floorPageScripts(folder: string): number {
  const assets = path.join(folder, "build/client/assets");
  const manifestFile = readdirSync(assets).find((file) => /^manifest-.*\.js$/.test(file))!;
  type Entry = { module: string; imports?: string[]; parentId?: string };
  const manifest = JSON.parse(
    readFileSync(path.join(assets, manifestFile), "utf8")
      .replace(/^window\.__reactRouterManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as { entry: Entry; routes: Record<string, Entry> };
  const files = new Set([`/assets/${manifestFile}`, manifest.entry.module]);
  for (const file of manifest.entry.imports ?? []) files.add(file);
  for (const id of ["root", "routes/status"]) {
    const route = manifest.routes[id]!;
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  const best = {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
  };
  return [...files].reduce(
    (total, file) =>
      total +
      zlib.brotliCompressSync(readFileSync(path.join(folder, "build/client", file)), best).length,
    0,
  );
}
