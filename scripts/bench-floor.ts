/**
 * The bench's floors: bare React Router apps, built from the project's own node_modules (the same
 * React Router, React, Vite, Express and compression), served the same way as Rungs (Express with
 * React Router's request handler behind compression, the same Node options, as many app processes
 * behind node:cluster's primary). Every page of Rungs
 * is measured against them in the same run: what the framework itself costs on this machine today.
 *
 * - "bare": one page of one line of text (`/status`), one resource route (`/ping`), and a page of
 *   cards at any size (`/sized?cards=`).
 * - "routes": the same app with Rungs' route table (every file of app/routes present, each an
 *   empty module but those two) and a root with a minimal loader and layout: what a frame of
 *   Rungs' size costs before Rungs does anything.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { serverNodeFlags } from "./serve-flags.mjs";

export type FloorKind = "bare" | "routes";

const STATUS = `export default function Status() {
  return <p>Up.</p>;
}
`;

const PING = `export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
`;

/**
 * A page of `?cards=` cards as a form page of Rungs is built (a heading, a sentence, four radio
 * buttons and a text area each, Tailwind's classes) from its loader's data, which the page also
 * hands to the browser: what the framework alone costs a page of that size (bench.ts, "the framework
 * at the page's size").
 */
const SIZED = `import { useLoaderData } from "react-router";
const WORDS = "design delivery ownership mentoring quality review reliability scope impact clarity".split(" ");
export function loader({ request }: { request: Request }) {
  const cards = Number(new URL(request.url).searchParams.get("cards") ?? 1);
  return {
    items: Array.from({ length: cards }, (_, i) => ({
      id: \`card-\${i}\`,
      name: \`\${WORDS[i % 10]} and \${WORDS[(i * 3) % 10]} \${i}\`,
      text: Array.from({ length: 24 }, (_, j) => WORDS[(i + j * 7) % 10]).join(" ") + ".",
      rating: (i % 4) + 1,
      notes: Array.from({ length: 12 }, (_, j) => WORDS[(i * 5 + j) % 10]).join(" "),
    })),
  };
}
export default function Sized() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-semibold text-gray-900 dark:text-gray-100">A page of cards</h1>
      {items.map((item) => (
        <section key={item.id} aria-labelledby={\`\${item.id}-name\`} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm dark:border-gray-700 dark:bg-gray-900">
          <h2 id={\`\${item.id}-name\`} className="text-base font-semibold text-gray-900 dark:text-gray-100">{item.name}</h2>
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-300">{item.text}</p>
          <fieldset className="mt-3">
            <legend className="text-sm font-medium">Rating for {item.name}</legend>
            <div className="mt-2 flex flex-wrap gap-3">
              {[1, 2, 3, 4].map((value) => (
                <label key={value} className="inline-flex items-center gap-2 text-sm">
                  <input type="radio" name={\`rating-\${item.id}\`} value={value} defaultChecked={item.rating === value} className="h-4 w-4 border-gray-300 text-indigo-600" />
                  <span>Level {value}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor={\`\${item.id}-notes\`} className="mt-3 block text-sm font-medium">Notes</label>
          <textarea id={\`\${item.id}-notes\`} name={\`notes:\${item.id}\`} rows={3} defaultValue={item.notes} className="mt-1 block w-full rounded-md border-gray-300 text-sm shadow-sm dark:border-gray-600 dark:bg-gray-800" />
        </section>
      ))}
    </div>
  );
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
  if (kind === "bare") files["app/routes/sized.tsx"] = SIZED;
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

/** Starts a floor app's server on a port, with the Node flags and options and the number of app processes Rungs is served with. */
export function startFloorApp(
  folder: string,
  port: number,
  nodeOptions: string,
  processes: number,
): ChildProcess {
  return spawn(process.execPath, [...serverNodeFlags(), "server.mjs"], {
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
