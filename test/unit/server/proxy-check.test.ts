import express from "express";
import { describe, expect, test } from "vitest";
import { warnOnProxyMismatch } from "../../../server/proxy-check";
import { listen } from "../../utils/http-server";

async function warningsFor(trustProxy: number, requests: Record<string, string>[]) {
  const warnings: string[] = [];
  const app = express();
  app.use(warnOnProxyMismatch(trustProxy, (message) => warnings.push(message)));
  app.get("*", (_req, res) => {
    res.send("ok");
  });
  const server = await listen(app);
  try {
    for (const headers of requests)
      expect((await server.send("GET", "/", headers)).status).toBe(200);
  } finally {
    await server.close();
  }
  return warnings;
}

describe("the proxy setting against the requests seen", () => {
  test("a proxy in front while TRUST_PROXY is 0 is said once", async () => {
    const warnings = await warningsFor(0, [
      { "X-Forwarded-For": "203.0.113.7" },
      { "X-Forwarded-For": "203.0.113.8" },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUST_PROXY is 0: every client has the proxy's address/);
  });

  test("TRUST_PROXY set while clients come directly is said once", async () => {
    const warnings = await warningsFor(1, [{}, {}]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUST_PROXY is 1 but a request arrived without X-Forwarded-For/);
  });

  test("nothing to say when they agree", async () => {
    expect(await warningsFor(0, [{}, {}])).toEqual([]);
    expect(await warningsFor(1, [{ "X-Forwarded-For": "203.0.113.7" }])).toEqual([]);
  });
});
