import { describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { onClock, stopClock, takeLease } from "~/modules/operations/clock-lease.server";

/** Work on a clock runs on one server of a deployment at a time (app/modules/operations/clock-lease.server.ts). */
describe("clock leases", () => {
  const MINUTE = 60_000;
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9, minutes));

  test("one server holds a lease and renews it; another takes it only once it has run out", async () => {
    expect(await takeLease("nightly", "server-a", 10 * MINUTE, at(0))).toBe(true);
    expect(await takeLease("nightly", "server-b", 10 * MINUTE, at(1))).toBe(false);
    // The holder renews it on each run and keeps it.
    expect(await takeLease("nightly", "server-a", 10 * MINUTE, at(8))).toBe(true);
    expect(await takeLease("nightly", "server-b", 10 * MINUTE, at(12))).toBe(false);
    // The holder stops renewing: once the lease runs out, the next server to ask takes it over.
    expect(await takeLease("nightly", "server-b", 10 * MINUTE, at(18))).toBe(true);
    expect(await takeLease("nightly", "server-a", 10 * MINUTE, at(19))).toBe(false);
    expect(await db.clockLease.findUniqueOrThrow({ where: { name: "nightly" } })).toMatchObject({
      holder: "server-b",
      expiresAt: at(28),
    });
    // Leases are per piece of work.
    expect(await takeLease("hourly", "server-a", 10 * MINUTE, at(19))).toBe(true);
  });

  test("servers asking at once: exactly one runs the work", async () => {
    const runs: string[] = [];
    const servers = ["a", "b", "c", "d", "e", "f"].map((name) =>
      onClock("at once", 60 * MINUTE, async () => void runs.push(name), `server-${name}`),
    );
    await Promise.all(servers.map((server) => server.turn()));
    expect(runs).toHaveLength(1);
    // The holder's next turn runs again; the others' do not.
    await Promise.all(servers.map((server) => server.turn()));
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBe(runs[0]);
  });

  test("a stopping process lets its turn finish, then gives its leases back: another server takes the work at once", async () => {
    let finish = () => {};
    const runs: string[] = [];
    const first = onClock(
      "given back",
      60 * MINUTE,
      () =>
        new Promise<void>((done) => {
          runs.push("a");
          finish = done;
        }),
      "server-a",
    );
    const under = first.turn();
    await vi.waitFor(() => expect(runs).toEqual(["a"]));
    let stopped = false;
    const stopping = stopClock("server-a").then(() => (stopped = true));
    // The turn under way is not cut short: the lease is still held until it ends.
    expect(await takeLease("given back", "server-b", 60 * MINUTE)).toBe(false);
    expect(stopped).toBe(false);
    finish();
    await Promise.all([under, stopping]);
    // Given back, not left to run out: the next server's turn runs now, not two hours later.
    const second = onClock("given back", 60 * MINUTE, async () => void runs.push("b"), "server-b");
    await second.turn();
    expect(runs).toEqual(["a", "b"]);
    await stopClock("server-b");
  });
});
