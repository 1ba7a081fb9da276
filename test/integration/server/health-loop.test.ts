import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { beatCell, beatInto, LOOP_LAG_BOUND_MS } from "../../../server/loop-beat";
import { serveHealthOnThread } from "../../../server/processes";
import { freePort } from "../../../scripts/app-servers";

/**
 * HEALTH_PORT with one app process is answered by a thread of its own, so it answers while pages
 * keep the loop busy; and it reports whether that loop runs: blocked past the stated bound (as a
 * wedged page would hold it), the check answers 503, and 200 again once the loop runs.
 */
async function statusWithin(url: string, status: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answered = await fetch(url).then(
      (response) => response.status,
      () => null,
    );
    if (answered === status) return;
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer ${status} within ${timeout} ms (last: ${answered})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the health check and the page loop", () => {
  test("answers 503 while the page loop is blocked past the bound, and 200 once it runs again", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/healthz`;
    const cell = beatCell();
    beatInto(cell);
    const health = serveHealthOnThread(port, "127.0.0.1", cell);
    try {
      await statusWithin(url, 200, 20_000);

      // Another process asks while this loop is held, well past the bound.
      const askAfter = LOOP_LAG_BOUND_MS + 1_000;
      const asker = spawn(
        process.execPath,
        [
          "-e",
          `setTimeout(async () => { const r = await fetch(${JSON.stringify(url)}); process.stdout.write(r.status + " " + (await r.text())); }, ${askAfter})`,
        ],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let answer = "";
      asker.stdout.on("data", (chunk: Buffer) => (answer += chunk.toString()));
      const exited = new Promise((resolve) => asker.on("exit", resolve));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, askAfter + 3_000);
      await exited;
      expect(answer).toMatch(/^503 /);
      expect(JSON.parse(answer.slice(4))).toMatchObject({
        status: "unavailable",
        loop: expect.stringMatching(/^no beat for \d+ ms$/),
      });

      await statusWithin(url, 200, 2_000);
    } finally {
      await health.stop();
    }
  }, 60_000);

  test("reports, with a 200, since when the page loop's process has not heard the other app servers, and stops once it hears them again", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/healthz`;
    const cell = beatCell();
    let liveDownSince: number | null = Date.parse("2026-11-28T23:00:00Z");
    beatInto(cell, () => liveDownSince);
    const health = serveHealthOnThread(port, "127.0.0.1", cell);
    try {
      await statusWithin(url, 200, 20_000);
      expect(await (await fetch(url)).json()).toEqual({
        status: "ok",
        liveUpdates: { listening: false, downSince: "2026-11-28T23:00:00.000Z" },
      });
      liveDownSince = null;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await (await fetch(url)).json()).toEqual({ status: "ok" });
    } finally {
      await health.stop();
    }
  }, 60_000);
});
