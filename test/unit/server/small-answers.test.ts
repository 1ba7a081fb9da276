import { request as httpRequest } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@react-router/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compressAnswers } from "../../../server/compression";
import { COMPRESSION_THRESHOLD, sendSmallAnswersWhole } from "../../../server/small-answers";
import { listen } from "../../utils/http-server";

/** A body written as React Router's Express adapter writes it: chunk by chunk, each flushed. */
function streamed(chunks: readonly string[], pauseMs = 0): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      for (const [index, chunk] of chunks.entries()) {
        if (index > 0 && pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        controller.enqueue(encoder.encode(chunk));
      }
      controller.close();
    },
  });
}

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const app = express();
  app.use(compressAnswers());
  app.use(sendSmallAnswersWhole());
  const answer =
    (type: string, chunks: readonly string[], pauseMs = 0) =>
    async (_req: express.Request, res: express.Response) => {
      res.status(200).setHeader("Content-Type", type);
      if (type === "text/event-stream") res.flushHeaders();
      await writeReadableStreamToWritable(streamed(chunks, pauseMs), res);
    };
  app.get("/ping", answer("text/plain", ["ok"]));
  app.get("/page", answer("text/html", ["<p>", "Rungs ".repeat(400), "</p>"]));
  app.get("/redirect", (_req, res) => {
    res.status(302).setHeader("Location", "/ping");
    void writeReadableStreamToWritable(streamed([]), res);
  });
  app.get("/later", answer("text/plain", ["start", " and the rest"], 400));
  app.get("/events", answer("text/event-stream", ["retry: 2000\n\n", ": heartbeat\n\n"], 400));
  server = await listen(app);
});
afterAll(async () => server.close());

/** What the first bytes on the wire were and when they arrived, and the whole answer. */
function read(path: string) {
  return new Promise<{ headers: Record<string, unknown>; firstAfterMs: number; body: Buffer }>(
    (resolve, reject) => {
      const started = Date.now();
      let firstAfterMs = -1;
      const request = httpRequest(
        `${server.origin}${path}`,
        { headers: { "Accept-Encoding": "br, gzip" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => {
            if (firstAfterMs < 0) firstAfterMs = Date.now() - started;
            chunks.push(chunk);
          });
          response.on("end", () =>
            resolve({ headers: response.headers, firstAfterMs, body: Buffer.concat(chunks) }),
          );
        },
      );
      request.on("error", reject);
      request.end();
    },
  );
}

describe("answers smaller than the threshold are sent whole and uncompressed (decision 108)", () => {
  test("a one-line answer and a redirect go out with their length, without a compressor", async () => {
    const ping = await read("/ping");
    expect(ping.headers["content-encoding"]).toBeUndefined();
    expect(ping.headers["content-length"]).toBe("2");
    expect(ping.body.toString()).toBe("ok");
    const redirect = await read("/redirect");
    expect([redirect.headers["content-encoding"], redirect.headers["content-length"]]).toEqual([
      undefined,
      "0",
    ]);
  });

  test("an answer larger than the threshold is compressed, whole", async () => {
    const page = await read("/page");
    expect(page.headers["content-encoding"]).toBe("br");
    const text = brotliDecompressSync(page.body).toString();
    expect(text).toBe(`<p>${"Rungs ".repeat(400)}</p>`);
    expect(text.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
  });

  test("what a loader streams later is not held back: the start arrives before the rest is written", async () => {
    const later = await read("/later");
    // Once passed on, it is compressed as any streamed answer of unknown length is.
    expect(later.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(later.body).toString()).toBe("start and the rest");
    expect(later.firstAfterMs).toBeLessThan(300);
  });

  test("an event stream is not compressed, and each event arrives as it is sent", async () => {
    const events = await read("/events");
    expect(events.headers["content-encoding"]).toBeUndefined();
    expect(events.body.toString()).toBe("retry: 2000\n\n: heartbeat\n\n");
    expect(events.firstAfterMs).toBeLessThan(300);
  });
});
