/**
 * The bench's floor: a bare Remix app, built from the project's own node_modules (the same Remix,
 * React, Vite and Express), with one page of one line of text and one resource route, served the
 * same way as Rungs (Express with Remix's request handler, the same Node options). Every page of
 * Rungs is measured against it in the same run: what Remix itself costs on this machine today.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILES: Record<string, string> = {
  // Remix reads the server runtime from the dependencies (their versions are the project's, through the link below).
  "package.json": `{ "name": "bench-floor", "private": true, "type": "module", "dependencies": { "@remix-run/express": "*", "@remix-run/fs-routes": "*", "@remix-run/node": "*", "@remix-run/react": "*", "@remix-run/route-config": "*", "express": "*", "react": "*", "react-dom": "*" } }
`,
  "vite.config.mjs": `import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
export default defineConfig({
  logLevel: "warn",
  plugins: [remix({ future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_routeConfig: true } })],
});
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
  "app/routes.ts": `import { flatRoutes } from "@remix-run/fs-routes";
export default flatRoutes();
`,
  "app/root.tsx": `import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
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
`,
  "app/routes/status.tsx": `export default function Status() {
  return <p>Up.</p>;
}
`,
  "app/routes/ping.ts": `export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
`,
  "server.mjs": `import { createRequestHandler } from "@remix-run/express";
import express from "express";
const build = await import("./build/server/index.js");
const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), "127.0.0.1");
`,
};

/** Writes and builds the bare app in `folder` (its node_modules a link to the project's). */
export function buildFloorApp(folder: string, projectRoot: string): void {
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(folder, "node_modules"), "dir");
  const built = spawnSync(path.join(projectRoot, "node_modules/.bin/remix"), ["vite:build"], { cwd: folder, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the bare Remix app did not build: ${built.stdout}\n${built.stderr}`);
}

/** Starts the bare app's server on a port, with the Node options Rungs is served with. */
export function startFloorApp(folder: string, port: number, nodeOptions: string): ChildProcess {
  return spawn(process.execPath, ["server.mjs"], { cwd: folder, env: { ...process.env, NODE_ENV: "production", PORT: String(port), NODE_OPTIONS: nodeOptions }, stdio: ["ignore", "ignore", "inherit"] });
}
