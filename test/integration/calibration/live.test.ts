import { afterAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";
import { announceSessionChange, watchSession } from "~/modules/calibration/live.server";
import { stopListeningToServers } from "~/platform/servers.server";
import { loader as healthz } from "~/routes/healthz";

afterAll(() => stopListeningToServers());

describe("live session changes", () => {
  test("a change announced for a session reaches its watchers (through LISTEN/NOTIFY on PostgreSQL), and nobody else's", async () => {
    const watcher = vi.fn();
    const other = vi.fn();
    const unwatch = await watchSession("session-a", watcher);
    const unwatchOther = await watchSession("session-b", other);
    await announceSessionChange("session-a");
    await vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    expect(other).not.toHaveBeenCalled();
    unwatch();
    await announceSessionChange("session-a");
    await announceSessionChange("session-b");
    await vi.waitFor(() => expect(other).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    expect(watcher).toHaveBeenCalledTimes(1);
    unwatchOther();
  });

  test.skipIf(getEnv().databaseProvider !== "postgresql")(
    "when the listening connection drops, the health check says so until it connects again, watchers are told to reload, and later changes reach them",
    async () => {
      const watcher = vi.fn();
      const unwatch = await watchSession("session-c", watcher);
      const ended = await db.$queryRaw<
        { ended: boolean }[]
      >`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE query = 'LISTEN rungs_calibration' AND datname = current_database() AND pid <> pg_backend_pid()`;
      expect(ended.length).toBeGreaterThan(0);
      // While it is down the health check says so (and since when), with a 200: pages still work.
      await vi.waitFor(
        async () =>
          expect(await (await healthz()).json()).toEqual({
            status: "ok",
            liveUpdates: { listening: false, downSince: expect.any(String) },
          }),
        { timeout: 2_000, interval: 20 },
      );
      expect((await healthz()).status).toBe(200);
      // Reconnected: one reload for what may have been missed, and the health check is plain again.
      await vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(1), { timeout: 5_000 });
      expect(await (await healthz()).json()).toEqual({ status: "ok" });
      await announceSessionChange("session-c");
      await vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(2), { timeout: 2_000 });
      unwatch();
    },
  );
});
