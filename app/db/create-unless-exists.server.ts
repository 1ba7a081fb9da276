import { db, type Db, type Prisma } from "./client.server";

type Tx = Prisma.TransactionClient;

/**
 * Adds a row unless one with the same unique key is there already, when that row is all the
 * caller wants to be there (someone's first view, an admin allowing someone): the one way Rungs
 * does it, true when it added the row. Decision 121.
 *
 * Not Prisma's `upsert` with `update: {}`: on a key it cannot hand to the database's own upsert it
 * reads and then inserts, so two requests at once (two tabs, a double click, two servers) both read
 * nothing, both insert, and the second is a unique violation (P2002), a 500. Here the insert is
 * simply tried and that violation means "there already". On PostgreSQL a failed statement aborts
 * its transaction, so on a transaction's client the insert runs in a nested transaction, which
 * Prisma makes a savepoint: the violation rolls back to it and the transaction goes on. On the
 * app's client no transaction is opened (the insert is one statement: nothing to roll back).
 * `createMany({ skipDuplicates })` (INSERT … ON CONFLICT DO NOTHING) would be one statement, but
 * Prisma offers it on PostgreSQL only, not on SQLite.
 *
 * `create` is given the client to insert with; any other error is thrown as it was.
 */
export async function createUnlessExists(
  client: Db | Tx,
  create: (client: Db | Tx) => Promise<unknown>,
): Promise<boolean> {
  try {
    if (client === db) await create(client);
    else await client.$transaction((savepoint) => create(savepoint));
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
