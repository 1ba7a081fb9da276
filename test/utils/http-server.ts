import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * Starts an Express app on a free loopback port for one test file; `send` makes one
 * request with exactly the headers given (no client adds Origin or Sec-Fetch-* on its
 * own), bounded by a timeout.
 */
export async function listen(app: Express) {
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const send = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        { host: "127.0.0.1", port, method, path, headers, timeout: 5_000 },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
          );
        },
      );
      request.on("timeout", () =>
        request.destroy(new Error(`${method} ${path} took longer than 5 s`)),
      );
      request.on("error", reject);
      request.end(body);
    });
  const close = () =>
    new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  return { origin: `http://127.0.0.1:${port}`, port, send, close };
}
