import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import { data } from "react-router";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { noStoreByDefault } from "../../../server/cache-control";
import { listen } from "../../utils/http-server";
import { route, serverBuild } from "../../utils/server-build";

/**
 * A React Router build of a few routes that answer the ways Rungs' do (a page and its data
 * request, a JSON endpoint that names its own caching, a sign-in that sets a cookie and
 * redirects, a page that is not found), behind React Router's Express adapter, in the
 * order of server/index.ts: built assets first, then React Router.
 */
const page = () => null;
const build = serverBuild(
  {
    root: route("root", "", { default: page, loader: () => ({ viewer: "Sam" }) }),
    "routes/team": route("routes/team", "team", {
      default: page,
      loader: () => ({ reports: ["Lena", "Omar"] }),
    }),
    "routes/options": route("routes/options", "admin/team-options", {
      loader: () =>
        Response.json(
          { suggestions: [{ value: "Platform" }] },
          { headers: { "Cache-Control": "private, no-store" } },
        ),
    }),
    "routes/manifest-like": route("routes/manifest-like", "public-info", {
      loader: () =>
        Response.json({ version: 1 }, { headers: { "Cache-Control": "public, max-age=60" } }),
    }),
    "routes/login": route("routes/login", "login", {
      default: page,
      action: () =>
        new Response(null, {
          status: 302,
          headers: { Location: "/", "Set-Cookie": "rungs_session=abc; HttpOnly" },
        }),
    }),
    "routes/set-password": route("routes/set-password", "set-password/:token", {
      default: page,
      loader: () => {
        throw data({ message: "This sign-in link is not valid." }, { status: 404 });
      },
    }),
  },
  {
    document: (_request, status, headers) => {
      headers.set("Content-Type", "text/html; charset=utf-8");
      return new Response("<!doctype html><h1>Rungs</h1>", { status, headers });
    },
  },
);

function app() {
  const assets = mkdtempSync(path.join(tmpdir(), "rungs-assets-"));
  writeFileSync(path.join(assets, "entry.client-abc123.js"), "console.log('hi')");
  const server = express();
  server.use("/assets", express.static(assets, { immutable: true, maxAge: "1y" }));
  server.all("*", noStoreByDefault(), createRequestHandler({ build, mode: "production" }));
  return server;
}

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  server = await listen(app());
});
afterAll(async () => {
  await server.close();
});

describe("Cache-Control", () => {
  test.each([
    ["GET", "/team", 200],
    ["HEAD", "/team", 200],
    ["GET", "/team.data", 200],
    ["POST", "/login", 302],
    ["POST", "/login.data", 202],
    ["GET", "/set-password/secret-token", 404],
    ["GET", "/set-password/secret-token.data", 404],
  ])("%s %s (personal, or may be) is no-store", async (method, url, status) => {
    const answer = await server.send(
      method,
      url,
      { "Content-Type": "application/x-www-form-urlencoded" },
      method === "POST" ? "email=a" : undefined,
    );
    expect(answer.status).toBe(status);
    expect(answer.headers["cache-control"]).toBe("no-store");
  });

  test("a route that chose its own keeps it", async () => {
    expect((await server.send("GET", "/admin/team-options")).headers["cache-control"]).toBe(
      "private, no-store",
    );
    expect((await server.send("GET", "/public-info")).headers["cache-control"]).toBe(
      "public, max-age=60",
    );
  });

  test("built assets keep their long caching", async () => {
    const answer = await server.send("GET", "/assets/entry.client-abc123.js");
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
