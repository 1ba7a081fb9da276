// `?_data=` requests (the data protocol of Remix before single fetch) in front of the real React Router handler and the app's own error handler.
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { contextWith } from "~/utils/server-facts";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { handleError } from "~/entry.server";
import * as login from "~/routes/login";
import { DATA_PARAMETER_MESSAGE, refuseDataParameter } from "../../../server/data-requests";
import { listen } from "../../utils/http-server";
import { route, serverBuild } from "../../utils/server-build";

const build = serverBuild(
  {
    root: route("root", "", { default: () => null }),
    "routes/login": route("routes/login", "login", login),
  },
  { handleError },
);

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const app = express();
  app.use(refuseDataParameter());
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req) =>
        contextWith({ cspNonce: "", clientAddress: req.ip ?? "unknown", requestId: "test" }),
    }),
  );
  server = await listen(app);
});
afterAll(async () => server.close());

describe("?_data= requests", () => {
  test("are a client's mistake: a 400 that says so, and nothing written to the error log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const [method, path] of [
      ["GET", "/login?_data=routes/login"],
      ["GET", "/login?_data=root"],
      ["GET", "/login?_data="],
      ["GET", "/?_data=routes%2Fnope&x=1"],
      ["POST", "/login?_data=routes/login"],
    ] as const) {
      const answer = await server.send(
        method,
        path,
        method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {},
        method === "POST" ? "email=a%40b.c&password=x" : undefined,
      );
      expect([answer.status, answer.body], path).toEqual([400, DATA_PARAMETER_MESSAGE]);
    }
    expect(errors).not.toHaveBeenCalled();
  });

  test("pages and their .data are answered as before", async () => {
    expect((await server.send("GET", "/login")).status).toBe(200);
    expect((await server.send("GET", "/login.data")).status).toBe(200);
  });
});
