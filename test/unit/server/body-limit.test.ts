import { request as httpRequest } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  limitRequestBodies,
  LENGTH_REQUIRED_MESSAGE,
  TOO_LARGE_MESSAGE,
} from "../../../server/body-limit";
import { listen } from "../../utils/http-server";

let read = 0;
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const app = express();
  app.use(
    limitRequestBodies({
      limit: 1000,
      larger: [{ path: /^\/admin\/people\/import$/, limit: 5000 }],
    }),
  );
  // The handler reads the whole body, as React Router would.
  app.all("*", (req, res) => {
    let bytes = 0;
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => {
      read += bytes;
      res.type("text/plain").send(`read ${bytes}`);
    });
  });
  server = await listen(app);
});
afterAll(async () => server.close());

describe("request bodies are limited before they are read", () => {
  test("a body within its limit reaches the handler whole", async () => {
    const answer = await server.send(
      "POST",
      "/theme",
      { "Content-Length": "900" },
      "x".repeat(900),
    );
    expect(answer).toMatchObject({ status: 200, body: "read 900" });
    expect(
      (
        await server.send(
          "POST",
          "/admin/people/import",
          { "Content-Length": "4000" },
          "x".repeat(4000),
        )
      ).body,
    ).toBe("read 4000");
  });

  test("a larger body is answered 413 at once, and the handler never reads it", async () => {
    read = 0;
    const answer = await server.send(
      "POST",
      "/theme",
      { "Content-Length": "1001" },
      "x".repeat(1001),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE_MESSAGE);
    expect(answer.headers.connection).toBe("close");
    expect(
      (
        await server.send(
          "POST",
          "/admin/people/import",
          { "Content-Length": "5001" },
          "x".repeat(5001),
        )
      ).status,
    ).toBe(413);
    expect(read).toBe(0);
  });

  test("a huge declared body is refused before its first byte is sent", async () => {
    read = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port: server.port,
          method: "POST",
          path: "/login",
          headers: { "Content-Length": String(200 * 1024 * 1024) },
          timeout: 5_000,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      // Only the head is sent: the answer must not wait for 200 MB.
      request.flushHeaders();
    });
    expect(status).toBe(413);
    expect(read).toBe(0);
  });

  test("a chunked body is refused with 411; requests without a body pass", async () => {
    const chunked = await server.send(
      "POST",
      "/theme",
      { "Transfer-Encoding": "chunked" },
      "x".repeat(10),
    );
    expect(chunked).toMatchObject({ status: 411, body: LENGTH_REQUIRED_MESSAGE });
    expect((await server.send("GET", "/team")).status).toBe(200);
  });
});
