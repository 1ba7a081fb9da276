import { describe, expect, test } from "vitest";
import { ViewCache } from "~/platform/view-cache.server";

describe("the kept views", () => {
  test("a key is computed once while it is fresh; concurrent requests share the computation", async () => {
    const cache = new ViewCache<number>({ entries: 2, maxAgeMs: 1000 });
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get("s:1", compute, 0), cache.get("s:1", compute, 10)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get("s:1", compute, 1000)).toBe(1);
    // Older than the limit: computed again.
    expect(await cache.get("s:1", compute, 2001)).toBe(2);
  });

  test("the least recently used key goes first, and a failed computation is not kept", async () => {
    const cache = new ViewCache<string>({ entries: 2, maxAgeMs: 60_000 });
    const runs: string[] = [];
    const compute = (key: string) => async () => (runs.push(key), key);
    await cache.get("a", compute("a"));
    await cache.get("b", compute("b"));
    await cache.get("a", compute("a"));
    await cache.get("c", compute("c"));
    await cache.get("a", compute("a"));
    await cache.get("b", compute("b"));
    expect(runs).toEqual(["a", "b", "c", "b"]);
    await expect(
      cache.get("x", async () => Promise.reject(new Error("database down"))),
    ).rejects.toThrow("database down");
    expect(await cache.get("x", async () => "recovered")).toBe("recovered");
  });
});
