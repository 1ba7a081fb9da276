import { db, type Prisma } from "~/db/client.server";
import { lockTransaction } from "~/db/locks.server";

/**
 * Every SCIM write is one transaction. On PostgreSQL the SCIM writes also take one
 * transaction-level advisory lock, so two at once cannot both pass the reporting-cycle
 * check (A under B and B under A) or miss each other's pending managers (a report made
 * while their manager is being made); SQLite runs one write transaction at a time anyway.
 * A burst of provisioning is a queue of short transactions either way.
 */
export type Tx = Prisma.TransactionClient;

export async function scimTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await lockTransaction(tx, "scimWrites");
      return work(tx);
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
