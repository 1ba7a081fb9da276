// The read routing's rule (app/db/read-routing.ts, decision 116): which reads may go to a replica,
// and when a replica shows a session its own writes.
import { describe, expect, test } from "vitest";
import {
  formatLsn,
  mayReadReplica,
  parseLsn,
  replicaCaughtUp,
  type ReadFacts,
} from "~/db/read-routing";

const page: ReadFacts = {
  replicas: 1,
  read: true,
  inTransaction: false,
  mayLag: true,
  request: { method: "GET", wrote: false },
};

describe("which reads go to a replica", () => {
  test("a read a page asked for as a moment old, in a GET or HEAD that has not written", () => {
    expect(mayReadReplica(page)).toBe(true);
    expect(mayReadReplica({ ...page, request: { method: "HEAD", wrote: false } })).toBe(true);
  });

  test("nothing else: no replicas, a write, a transaction, a read not asked for, no request, an action, a request that wrote", () => {
    expect(mayReadReplica({ ...page, replicas: 0 })).toBe(false);
    expect(mayReadReplica({ ...page, read: false })).toBe(false);
    expect(mayReadReplica({ ...page, inTransaction: true })).toBe(false);
    expect(mayReadReplica({ ...page, mayLag: false })).toBe(false);
    expect(mayReadReplica({ ...page, request: null })).toBe(false);
    expect(mayReadReplica({ ...page, request: { method: "POST", wrote: false } })).toBe(false);
    expect(mayReadReplica({ ...page, request: { method: "GET", wrote: true } })).toBe(false);
  });
});

describe("a session's own writes", () => {
  test("a replica shows them once it has replayed past where the primary's WAL ended after them", () => {
    const wrote = parseLsn("0/16B3748")!;
    expect(replicaCaughtUp(parseLsn("0/16B3748"), wrote)).toBe(true);
    expect(replicaCaughtUp(parseLsn("1/0"), wrote)).toBe(true);
    expect(replicaCaughtUp(parseLsn("0/16B3747"), wrote)).toBe(false);
    // A replica that answers no position shows nothing certain; a session that wrote nothing lately needs nothing.
    expect(replicaCaughtUp(null, wrote)).toBe(false);
    expect(replicaCaughtUp(null, null)).toBe(true);
  });

  test("WAL positions compare as numbers across the halves, and round-trip as PostgreSQL writes them", () => {
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
    expect(formatLsn(parseLsn("16/B374D848")!)).toBe("16/B374D848");
    expect(parseLsn("not a position")).toBeNull();
    expect(parseLsn(undefined)).toBeNull();
  });
});
