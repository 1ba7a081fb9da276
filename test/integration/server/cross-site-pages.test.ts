// The cross-site refusal in front of React Router, as server/index.ts mounts it, with a real page's action (sign-in) behind it.
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { contextWith } from "~/utils/server-facts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPerson } from "../../utils/factories";
import { unsubscribeToken } from "~/modules/notifications/unsubscribe-token";
import { notificationSettings } from "~/modules/notifications/preferences.server";
import { signingKey } from "~/modules/notifications/signing-key.server";
import * as login from "~/routes/login";
import * as scim from "~/routes/scim.v2.$";
import * as unsubscribe from "~/routes/unsubscribe";
import { CROSS_SITE_MESSAGE, refuseCrossSiteWrites } from "../../../server/cross-site";
import { listen } from "../../utils/http-server";
import { route, serverBuild } from "../../utils/server-build";

const build = serverBuild({
  root: route("root", "", { default: () => null }),
  "routes/login": route("routes/login", "login", login),
  "routes/unsubscribe": route("routes/unsubscribe", "unsubscribe", unsubscribe),
  "routes/scim.v2.$": route("routes/scim.v2.$", "scim/v2/*", scim),
});

function appTrusting(proxies: number) {
  const app = express();
  app.set("trust proxy", proxies);
  app.use(refuseCrossSiteWrites());
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req) => contextWith({ cspNonce: "", clientAddress: req.ip ?? "unknown" }),
    }),
  );
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

  test("with no proxy trusted, a post whose X-Forwarded-Host is not its Origin's host is refused with the cross-site 403, not the framework's 500", async () => {
    for (const path of ["/login", "/login.data"]) {
      const answer = await direct.send(
        "POST",
        path,
        { ...form, Origin: direct.origin, "X-Forwarded-Host": "evil.example" },
        signIn,
      );
      expect([answer.status, answer.body], path).toEqual([403, CROSS_SITE_MESSAGE]);
    }
    // The same post without the header, or with one that names the page's own host, reaches the sign-in (a wrong password).
    expect(
      (await direct.send("POST", "/login", { ...form, Origin: direct.origin }, signIn)).status,
    ).toBe(400);
    expect(
      (
        await direct.send(
          "POST",
          "/login",
          { ...form, Origin: direct.origin, "X-Forwarded-Host": `127.0.0.1:${direct.port}` },
          signIn,
        )
      ).status,
    ).toBe(400);
  });

  test("behind a trusted proxy, the forwarded public host is the site; a forwarded list is read by its first host", async () => {
    const viaProxy = {
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "rungs.example.com, internal:3000",
    };
    expect(
      (
        await proxied.send(
          "POST",
          "/login",
          { ...form, ...viaProxy, Origin: "https://rungs.example.com" },
          signIn,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await proxied.send(
          "POST",
          "/login",
          { ...form, ...viaProxy, Origin: "https://evil.example" },
          signIn,
        )
      ).status,
    ).toBe(403);
  });
});

/** Origins a mail provider, a sandboxed frame or an identity provider may send: none of them ours. */
const foreignOrigins = [
  "null",
  "https://mail.google.com",
  "https://outlook.office.com",
  "https://evil.example",
  "not a url",
];

describe("paths other sites post to on purpose", () => {
  test("one-click unsubscribe (RFC 8058) answers 200 and turns that kind off, whatever Origin the mail provider sends", async () => {
    for (const [index, origin] of foreignOrigins.entries()) {
      const person = await createPerson({ name: `Lena Engineer ${index}` });
      const token = unsubscribeToken(await signingKey(), person.id, ["digest"]);
      const answer = await direct.send(
        "POST",
        `/unsubscribe?token=${token}`,
        { ...form, Origin: origin },
        "List-Unsubscribe=One-Click",
      );
      expect(answer.status, origin).toBe(200);
      expect((await notificationSettings(person.id)).preferences.digest, origin).toBe("never");
    }
    // Its data request (this page's own button, from this site) stays refused from elsewhere.
    expect(
      (await direct.send("POST", "/unsubscribe.data?token=t", { ...form, Origin: "null" }, ""))
        .status,
    ).toBe(403);
  });

  test("SCIM, called with a bearer token, is answered on its merits (401 without a token), not refused for its Origin", async () => {
    for (const origin of foreignOrigins) {
      const answer = await direct.send(
        "POST",
        "/scim/v2/Users",
        { "Content-Type": "application/scim+json", Origin: origin },
        "{}",
      );
      expect(answer.status, origin).toBe(401);
    }
  });
});

describe("no request shape reaches a 500 through the Origin check", () => {
  const signIn = "email=nobody%40example.com&password=wrong";
  test("every post is either refused with the cross-site 403 or reaches the page's action", async () => {
    const own = `127.0.0.1:${direct.port}`;
    const shapes: Record<string, string>[] = [
      ...foreignOrigins.map((origin) => ({ Origin: origin })),
      { Origin: direct.origin },
      { Origin: `http://localhost:${direct.port}`, Host: `LOCALHOST:${direct.port}` },
      { Origin: "http://127.0.0.1:80", Host: "127.0.0.1" },
      { Origin: "http://127.0.0.1", Host: "127.0.0.1:80" },
      { Origin: direct.origin, "X-Forwarded-Host": own },
      { Origin: direct.origin, "X-Forwarded-Host": "evil.example" },
      { Origin: direct.origin, "X-Forwarded-Host": ` ${own} , other` },
      { Origin: "" },
      { "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const headers of shapes) {
      for (const [app, path] of [
        [direct, "/login"],
        [direct, "/login.data"],
        [proxied, "/login"],
      ] as const) {
        const answer = await app.send("POST", path, { ...form, ...headers }, signIn);
        // 400 is the wrong password, 429 the sign-in throttle after many: either way the action ran.
        expect([400, 403, 429], `${path} ${JSON.stringify(headers)}`).toContain(answer.status);
      }
    }
  });
});
