import { z } from "zod";
import { readRows, readRowsIn } from "~/db/reads.server";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlInt } from "~/db/rows";
import { getEnv } from "~/utils/env.server";

/** The outbox's SQL, each row parsed once into a typed object (decision 011). */

export type NewOutboxRow = {
  id: string;
  key: string;
  /** Null for a candidate's contact, who is not a person in Rungs. */
  userId: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  unsubscribeUrl: string | null;
  calendar: string | null;
  calendarMethod: string | null;
  /** "combined": a reminder told inside another message of the same pass, recorded so it is not news later. */
  status: "queued" | "skipped" | "combined";
};

const addedKey = z.object({ key: z.string() });

/**
 * Adds the messages whose keys the outbox does not hold yet, in one statement; returns the keys it
 * added (a key another pass or server added first is theirs). In the caller's transaction when given.
 * Raw: Prisma's createMany cannot skip duplicates on SQLite, nor tell which rows it added.
 */
export async function insertNewMessages(rows: NewOutboxRow[], now: Date, client: Pick<typeof db, "$queryRaw"> = db): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.id}, ${row.key}, ${row.userId}, ${row.kind}, ${row.toAddress}, ${row.subject}, ${row.textBody}, ${row.htmlBody}, ${row.unsubscribeUrl}, ${row.calendar}, ${row.calendarMethod}, ${row.status}, 0, ${now}, ${now})`,
  );
  const added = await readRowsIn(client, Prisma.sql`
    INSERT INTO "OutboxMessage" (id, key, "userId", kind, "toAddress", subject, "textBody", "htmlBody", "unsubscribeUrl", calendar, "calendarMethod", status, attempts, "nextAttemptAt", "createdAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT (key) DO NOTHING
    RETURNING key`);
  return new Set(parseRows(addedKey, added as unknown[]).map((row) => row.key));
}

const claimedRow = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string(),
  unsubscribeUrl: z.string().nullable(),
  calendar: z.string().nullable(),
  calendarMethod: z.string().nullable(),
  attempts: sqlInt,
});
export type ClaimedMessage = z.output<typeof claimedRow>;

/**
 * Takes up to `limit` queued messages that are due and that no other pass holds, for
 * `worker` until `until`. On PostgreSQL, rows another server is claiming at the same
 * moment are skipped (FOR UPDATE SKIP LOCKED) rather than waited for; SQLite has one
 * writer at a time, so its one UPDATE is already exclusive. Raw: Prisma's updateMany cannot take
 * the oldest rows first, nor skip the rows another server has locked.
 */
export async function claimDueMessages(worker: string, now: Date, until: Date, limit: number): Promise<ClaimedMessage[]> {
  const lock = getEnv().databaseProvider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await readRows(Prisma.sql`
    UPDATE "OutboxMessage" SET "claimedBy" = ${worker}, "claimedUntil" = ${until}
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'queued' AND "nextAttemptAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "createdAt", id
      LIMIT ${limit}
      ${lock}
    )
    RETURNING id, "toAddress", subject, "textBody", "htmlBody", "unsubscribeUrl", calendar, "calendarMethod", attempts`);
  return parseRows(claimedRow, rows as unknown[]);
}

/** The keys of the invitations the outbox holds for someone who is not a person in Rungs (`candidate-<id>`). */
export async function knownInvitationKeys(recipientId: string): Promise<Set<string>> {
  const rows = await db.outboxMessage.findMany({ where: { userId: null, key: { startsWith: `invitation:${recipientId}:` } }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

/** The keys the outbox holds for a person. */
export async function knownKeys(userId: string): Promise<Set<string>> {
  const rows = await db.outboxMessage.findMany({ where: { userId }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}
