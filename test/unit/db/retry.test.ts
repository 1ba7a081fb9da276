import { describe, expect, it } from "vitest";
import { StaleRevision, withRetry } from "~/db/retry.server";

/** A run that fails with `error` the first `times` calls, then answers "done". */
function failing(error: unknown, times = 1) {
  let calls = 0;
  const run = async () => {
    calls++;
    if (calls <= times) throw error;
    return "done";
  };
  return { run, calls: () => calls };
}

describe("retrying a transaction after a write conflict", () => {
  it("runs again after a serialisation failure, whichever way it is reported", async () => {
    const atCommit = Object.assign(new Error("TransactionWriteConflict"), {
      name: "DriverAdapterError",
      cause: { kind: "TransactionWriteConflict" },
    });
    for (const error of [
      Object.assign(new Error("conflict"), { code: "P2034" }),
      Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }),
      new StaleRevision(),
      atCommit,
    ]) {
      const attempt = failing(error);
      expect(await withRetry(attempt.run)).toBe("done");
      expect(attempt.calls()).toBe(2);
    }
  });

  it("does not run again after any other failure, and gives up after its attempts", async () => {
    const other = failing(new Error("no such table"));
    await expect(withRetry(other.run)).rejects.toThrow("no such table");
    expect(other.calls()).toBe(1);
    const endless = failing(Object.assign(new Error("conflict"), { code: "P2034" }), 10);
    await expect(withRetry(endless.run, 3)).rejects.toThrow("conflict");
    expect(endless.calls()).toBe(3);
  });
});
