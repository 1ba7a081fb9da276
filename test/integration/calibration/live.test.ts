import { afterAll, describe, expect, test, vi } from "vitest";
import { announceSessionChange, stopListening, watchSession } from "~/modules/calibration/live.server";

afterAll(() => stopListening());

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
});
