import { expect, test } from "vitest";
import { loader } from "~/routes/healthz";

test("the health check answers 200 when the database is reachable", async () => {
  const response = await loader();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers.get("Cache-Control")).toBe("no-store");
});
