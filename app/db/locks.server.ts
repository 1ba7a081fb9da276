import { Prisma, type Db } from "./client.server";
import { writeRows } from "./reads.server";
import { getEnv } from "~/utils/env.server";

/**
 * The work that queues behind one lock, so two servers cannot interleave it. Each name is an
 * advisory lock's number on PostgreSQL: any constant, distinct from the others.
 */
const LOCKS = {
  /** SCIM provisioning's writes (identity/scim/writes.server.ts). */
  scimWrites: 7_265_676,
  /** Making the first admin from a setup link (identity/setup/first-admin.server.ts). */
  firstAdmin: 7_265_677,
  /** Starting an assessment about one person (assessments/assessments.server.ts), taken per person. */
  assessmentStart: 7_265_678,
} as const;

/**
 * Makes the transaction wait until no other transaction holds the lock `name` (for `key`, when
 * given: one lock per person, say, so that work for other keys goes on beside it), and hold it
 * until it commits or rolls back: on PostgreSQL a transaction-scoped advisory lock, which Prisma's
 * API cannot take (raw SQL, through the one helper; with a key, the two-number form, the key
 * hashed); on SQLite nothing, since it runs one write transaction at a time already. Take it first
 * in the transaction, before reading what it guards.
 */
export async function lockTransaction(
  tx: Pick<Db, "$executeRaw">,
  name: keyof typeof LOCKS,
  key?: string,
): Promise<void> {
  if (getEnv().databaseProvider !== "postgresql") return;
  await writeRows(
    tx,
    key === undefined
      ? Prisma.sql`SELECT pg_advisory_xact_lock(${LOCKS[name]})`
      : Prisma.sql`SELECT pg_advisory_xact_lock(${LOCKS[name]}::int4, hashtext(${key}))`,
  );
}
