// The cross-site refusal in front of Remix, as server/index.ts mounts it, with a real page's action (sign-in) behind it.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as login from "~/routes/login";
import { CROSS_SITE_MESSAGE, refuseCrossSiteWrites } from "../../../server/cross-site";
import { listen } from "../../utils/http-server";

function route(id: string, path: string | undefined, module: Record<string, unknown>) {
  return { id, parentId: id === "root" ? undefined : "root", path, index: false, caseSensitive: undefined, module };
}
const build = {
  mode: "production",
  entry: { module: { default: (_request: Request, status: number, headers: Headers) => new Response("<!doctype html>", { status, headers }) } },
  routes: { root: route("root", "", { default: () => null }), "routes/login": route("routes/login", "login", login) },
  assets: { entry: { module: "/assets/entry.client.js", imports: [] }, routes: {}, url: "/assets/manifest.js", version: "1" },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  future: { v3_singleFetch: true, v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_routeConfig: true },
  isSpaMode: false,
} as unknown as ServerBuild;

function appTrusting(proxies: number) {
  const app = express();
  app.set("trust proxy", proxies);
  app.use(refuseCrossSiteWrites());
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (req) => ({ cspNonce: "", clientAddress: req.ip ?? "unknown" }) }));
  return app;
}

let direct: Awaited<ReturnType<typeof listen>>;
let proxied: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  direct = await listen(appTrusting(0));
  proxied = await listen(appTrusting(1));
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("X-Forwarded-Host beside Origin", () => {
  const signIn = "email=nobody%40example.com&password=wrong";

  test("with no proxy trusted, a post whose X-Forwarded-Host is not its Origin's host is refused with the cross-site 403, not Remix's 500", async () => {
    for (const path of ["/login", "/login.data"]) {
      const answer = await direct.send("POST", path, { ...form, Origin: direct.origin, "X-Forwarded-Host": "evil.example" }, signIn);
      expect([answer.status, answer.body], path).toEqual([403, CROSS_SITE_MESSAGE]);
    }
    // The same post without the header, or with one that names the page's own host, reaches the sign-in (a wrong password).
    expect((await direct.send("POST", "/login", { ...form, Origin: direct.origin }, signIn)).status).toBe(400);
    expect((await direct.send("POST", "/login", { ...form, Origin: direct.origin, "X-Forwarded-Host": `127.0.0.1:${direct.port}` }, signIn)).status).toBe(400);
  });

  test("behind a trusted proxy, the forwarded public host is the site; a forwarded list is read by its first host", async () => {
    const viaProxy = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "rungs.example.com, internal:3000" };
    expect((await proxied.send("POST", "/login", { ...form, ...viaProxy, Origin: "https://rungs.example.com" }, signIn)).status).toBe(400);
    expect((await proxied.send("POST", "/login", { ...form, ...viaProxy, Origin: "https://evil.example" }, signIn)).status).toBe(403);
  });
});
