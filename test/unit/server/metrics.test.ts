import express from "express";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { patternOf, routePatterns } from "../../../server/route-patterns";
import { metrics } from "~/platform/metrics.server";
import { metricsEndpoint, observeRequests } from "../../../server/metrics";
import { requestIds, requestLog } from "../../../server/request-log";
import { listen } from "../../utils/http-server";

const TOKEN = "scrape-me-with-this-secret";
const patterns = routePatterns({
  root: { id: "root", path: "" },
  "routes/calibration.$sessionId": {
    id: "routes/calibration.$sessionId",
    parentId: "root",
    path: "calibration/:sessionId",
  },
});

function app(options: { token?: string; trustProxy?: number }) {
  const server = express();
  server.use(requestIds(options.trustProxy ?? 0));
  server.use(requestLog());
  server.use(observeRequests((path) => patternOf(path, patterns)));
  server.get("/metrics", metricsEndpoint(options.token));
  server.all("*", (req, res) =>
    req.path.startsWith("/calibration/")
      ? res.send("a session")
      : res.status(404).send("Not found"),
  );
  return listen(server);
}

let guarded: Awaited<ReturnType<typeof listen>>;
let open: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  guarded = await app({ token: TOKEN });
  open = await app({ trustProxy: 1 });
});
afterAll(async () => {
  await guarded.close();
  await open.close();
});

describe("GET /metrics", () => {
  test("answers only a scraper holding METRICS_TOKEN", async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect((await guarded.send("GET", "/metrics")).status).toBe(401);
    // Wrong tokens of exactly the right length (one character off at its start, middle and end), so a comparison by length alone fails here.
    for (const at of [0, Math.floor(TOKEN.length / 2), TOKEN.length - 1]) {
      const wrong = `${TOKEN.slice(0, at)}${TOKEN[at] === "x" ? "y" : "x"}${TOKEN.slice(at + 1)}`;
      expect(wrong).toHaveLength(TOKEN.length);
      expect(
        (await guarded.send("GET", "/metrics", { Authorization: `Bearer ${wrong}` })).status,
        wrong,
      ).toBe(401);
    }
    expect((await guarded.send("GET", "/metrics", { Authorization: TOKEN })).status).toBe(401);
    const answer = await guarded.send("GET", "/metrics", { Authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(answer.body).toContain("nodejs_eventloop_lag_seconds");
  });

  test("is not served at all without METRICS_TOKEN", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const answer = await open.send("GET", "/metrics");
    expect(answer).toMatchObject({ status: 404, body: "Not found" });
  });

  test("labels requests by route pattern and status, never by the ids in their paths", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await guarded.send("GET", "/calibration/4b1d-secret-session-id");
    await guarded.send("GET", "/calibration/another-session-id.data");
    await guarded.send("GET", "/no/such/page-7f3a");
    const { body } = await guarded.send("GET", "/metrics", { Authorization: `Bearer ${TOKEN}` });
    expect(body).toMatch(
      /rungs_http_request_duration_seconds_count\{method="GET",route="\/calibration\/:sessionId"\} [2-9]/,
    );
    expect(body).toMatch(
      /rungs_http_responses_total\{route="\/calibration\/:sessionId",status="200"\} [2-9]/,
    );
    expect(body).toMatch(/rungs_http_responses_total\{route="\(unmatched\)",status="404"\} [1-9]/);
    expect(body).not.toMatch(/secret-session-id|another-session-id|page-7f3a/);
    for (const name of [
      "rungs_database_statement_duration_seconds",
      "rungs_event_streams_open",
      "rungs_login_failures_total",
    ])
      expect(body).toContain(`# TYPE ${name}`);
  });

  test("login failures are counted by reason", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    metrics().loginFailures.inc({ reason: "invalid" });
    const { body } = await guarded.send("GET", "/metrics", { Authorization: `Bearer ${TOKEN}` });
    expect(body).toMatch(/rungs_login_failures_total\{reason="invalid"\} [1-9]/);
  });
});

describe("request ids", () => {
  test("every response carries an id, and its log line has the same one", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation(
      (chunk) => (lines.push(String(chunk)), true),
    );
    const answer = await guarded.send("GET", "/calibration/abc", {
      "X-Request-Id": "chosen-by-the-client",
    });
    const id = answer.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Without a trusted proxy a client cannot choose the id.
    expect(id).not.toBe("chosen-by-the-client");
    const logged = lines
      .map((line) => JSON.parse(line) as { requestId?: string; path?: string })
      .find((line) => line.path === "/calibration/abc");
    expect(logged?.requestId).toBe(id);
  });

  test("behind a trusted proxy the proxy's own id is kept, when it is a plain token", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(
      (await open.send("GET", "/calibration/abc", { "X-Request-Id": "lb-1234.abc" })).headers[
        "x-request-id"
      ],
    ).toBe("lb-1234.abc");
    expect(
      (await open.send("GET", "/calibration/abc", { "X-Request-Id": 'a b"c' })).headers[
        "x-request-id"
      ],
    ).toMatch(/^[0-9a-f-]{36}$/);
  });
});
