import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CROSS_SITE_MESSAGE, refuseCrossSiteWrites } from "../../../server/cross-site";
import { listen } from "../../utils/http-server";

/** The middleware in front of a handler that would change something. */
function appTrusting(proxies: number) {
  const app = express();
  app.set("trust proxy", proxies);
  app.use(refuseCrossSiteWrites());
  app.all("*", (_req, res) => {
    res.type("text/plain").send("changed");
  });
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

describe("requests that change something, from another site", () => {
  test("one-click unsubscribe (mail providers post it), SCIM and the API (bearer tokens) are the paths another site may post to; nothing beside them", async () => {
    const provider = { ...form, Origin: "https://mail.example" };
    expect(
      (await direct.send("POST", "/unsubscribe?token=t", provider, "List-Unsubscribe=One-Click"))
        .status,
    ).toBe(200);
    expect((await direct.send("POST", "/scim/v2/Users", provider, "{}")).status).toBe(200);
    expect((await direct.send("POST", "/scim/v2", provider, "{}")).status).toBe(403);
    expect((await direct.send("POST", "/scimx/v2/Users", provider, "{}")).status).toBe(403);
    expect((await direct.send("PATCH", "/api/v1/people/p1", provider, "{}")).status).toBe(200);
    expect((await direct.send("POST", "/api/v1", provider, "{}")).status).toBe(403);
    expect((await direct.send("POST", "/api/v2/people", provider, "{}")).status).toBe(403);
    expect(
      (
        await direct.send(
          "POST",
          "/unsubscribe.data?token=t",
          provider,
          "List-Unsubscribe=One-Click",
        )
      ).status,
    ).toBe(403);
    expect((await direct.send("POST", "/unsubscribe/other", provider, "")).status).toBe(403);
    expect((await direct.send("POST", "/settings/email", provider, "paused=on")).status).toBe(403);
  });

  test("a form post with another site's Origin is refused with 403 and says why", async () => {
    const answer = await direct.send(
      "POST",
      "/admin/people/p1",
      { ...form, Origin: "https://evil.example" },
      "intent=deactivate",
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toBe(CROSS_SITE_MESSAGE);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
  });

  test("so is a text/plain post (no preflight), and every other writing method", async () => {
    const evil = { Origin: "https://evil.example" };
    expect(
      (await direct.send("POST", "/theme", { ...evil, "Content-Type": "text/plain" }, "theme=dark"))
        .status,
    ).toBe(403);
    for (const method of ["PUT", "PATCH", "DELETE"])
      expect((await direct.send(method, "/x", evil)).status).toBe(403);
  });

  test("another port, another scheme, a sibling host or Origin: null is not this site either", async () => {
    for (const origin of [
      `http://127.0.0.1:${direct.port + 1}`,
      `https://127.0.0.1:${direct.port}`,
      `http://evil.127.0.0.1:${direct.port}`,
      "null",
      "not a url",
    ]) {
      expect(
        (await direct.send("POST", "/theme", { ...form, Origin: origin }, "theme=dark")).status,
        origin,
      ).toBe(403);
    }
  });

  test("without Origin, Sec-Fetch-Site saying cross-site (or same-site) is refused", async () => {
    expect(
      (
        await direct.send(
          "POST",
          "/theme",
          { ...form, "Sec-Fetch-Site": "cross-site" },
          "theme=dark",
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await direct.send(
          "POST",
          "/theme",
          { ...form, "Sec-Fetch-Site": "same-site" },
          "theme=dark",
        )
      ).status,
    ).toBe(403);
  });
});

describe("requests that pass", () => {
  test("a post from one of our own pages", async () => {
    const answer = await direct.send(
      "POST",
      "/theme",
      { ...form, Origin: direct.origin, "Sec-Fetch-Site": "same-origin" },
      "theme=dark",
    );
    expect(answer).toMatchObject({ status: 200, body: "changed" });
  });

  test("Sec-Fetch-Site same-origin (or none: typed by the person) without Origin", async () => {
    expect(
      (
        await direct.send(
          "POST",
          "/theme",
          { ...form, "Sec-Fetch-Site": "same-origin" },
          "theme=dark",
        )
      ).status,
    ).toBe(200);
    expect(
      (await direct.send("POST", "/theme", { ...form, "Sec-Fetch-Site": "none" }, "theme=dark"))
        .status,
    ).toBe(200);
  });

  test("a request with neither header (curl, scripts, tests)", async () => {
    expect((await direct.send("POST", "/theme", form, "theme=dark")).status).toBe(200);
  });

  test("reads from anywhere: links from other sites must keep working", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        (
          await direct.send(method, "/team", {
            Origin: "https://evil.example",
            "Sec-Fetch-Site": "cross-site",
          })
        ).status,
        method,
      ).toBe(200);
    }
  });
});

describe("behind a reverse proxy (TRUST_PROXY)", () => {
  const viaProxy = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "rungs.example.com" };

  test("the public address the proxy forwards is this site when the proxy is trusted", async () => {
    expect(
      (
        await proxied.send(
          "POST",
          "/theme",
          { ...form, ...viaProxy, Origin: "https://rungs.example.com" },
          "theme=dark",
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await proxied.send(
          "POST",
          "/theme",
          { ...form, ...viaProxy, Origin: "https://rungs.example.com:443" },
          "theme=dark",
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await proxied.send(
          "POST",
          "/theme",
          { ...form, ...viaProxy, Origin: "http://rungs.example.com" },
          "theme=dark",
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await proxied.send(
          "POST",
          "/theme",
          { ...form, ...viaProxy, Origin: "https://evil.example" },
          "theme=dark",
        )
      ).status,
    ).toBe(403);
  });

  test("forwarded headers are not believed when no proxy is trusted: a client cannot claim to be evil.example's own site", async () => {
    const claimed = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" };
    expect(
      (
        await direct.send(
          "POST",
          "/theme",
          { ...form, ...claimed, Origin: "https://evil.example" },
          "theme=dark",
        )
      ).status,
    ).toBe(403);
  });
});
