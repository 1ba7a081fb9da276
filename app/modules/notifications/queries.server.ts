import { z } from "zod";
import { readRows, readRowsIn } from "~/db/reads.server";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlInt } from "~/db/rows";
import { chunks } from "~/utils/chunks";
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
export async function insertNewMessages(
  rows: NewOutboxRow[],
  now: Date,
  client: Pick<typeof db, "$queryRaw"> = db,
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.id}, ${row.key}, ${row.userId}, ${row.kind}, ${row.toAddress}, ${row.subject}, ${row.textBody}, ${row.htmlBody}, ${row.unsubscribeUrl}, ${row.calendar}, ${row.calendarMethod}, ${row.status}, 0, ${now}, ${now})`,
  );
  const added = await readRowsIn(
    client,
    Prisma.sql`
    INSERT INTO "OutboxMessage" (id, key, "userId", kind, "toAddress", subject, "textBody", "htmlBody", "unsubscribeUrl", calendar, "calendarMethod", status, attempts, "nextAttemptAt", "createdAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT (key) DO NOTHING
    RETURNING key`,
  );
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
export async function claimDueMessages(
  worker: string,
  now: Date,
  until: Date,
  limit: number,
): Promise<ClaimedMessage[]> {
  const lock =
    getEnv().databaseProvider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
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
  const rows = await db.outboxMessage.findMany({
    where: { userId: null, key: { startsWith: `invitation:${recipientId}:` } },
    select: { key: true },
  });
  return new Set(rows.map((row) => row.key));
}

/** The keys the outbox holds for a person. */
export async function knownKeys(userId: string): Promise<Set<string>> {
  const rows = await db.outboxMessage.findMany({ where: { userId }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

const PASS = "reminders";

/** Where the reminders' pass got to (ReminderPass); null before the first pass. */
export async function reminderPassState(): Promise<{
  writtenSince: Date;
  plannedUntil: Date;
} | null> {
  return db.reminderPass.findUnique({
    where: { name: PASS },
    select: { writtenSince: true, plannedUntil: true },
  });
}

export async function keepReminderPassState(writtenSince: Date, plannedUntil: Date): Promise<void> {
  await db.reminderPass.upsert({
    where: { name: PASS },
    create: { name: PASS, writtenSince, plannedUntil },
    update: { writtenSince, plannedUntil },
    select: { name: true },
  });
}

/** Active people whose schedule says they are owed a plan by now (a digest, a to-do turning due soon or overdue). */
export async function peopleDueBy(now: Date): Promise<string[]> {
  const rows = await db.reminderSchedule.findMany({
    where: { dueAt: { lte: now }, user: { deactivatedAt: null } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/** People whose email choices were written since (a digest turned on, a pause lifted). */
export async function preferencesWrittenSince(since: Date): Promise<string[]> {
  const rows = await db.notificationPreference.findMany({
    where: { updatedAt: { gte: since } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/** The calendar each person was last invited to (its digest), for those with events now or then. */
export async function keptCalendars(holders: readonly string[]): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  const read = (where: Prisma.ReminderScheduleWhereInput) =>
    db.reminderSchedule.findMany({ where, select: { userId: true, calendar: true } });
  // A person who left keeps their last calendar on file; their events are withdrawn and they are mailed nothing.
  for (const row of await read({ calendar: { not: "" }, user: { deactivatedAt: null } }))
    kept.set(row.userId, row.calendar);
  for (const ids of chunks(
    holders.filter((id) => !kept.has(id)),
    5000,
  ))
    for (const row of await read({ userId: { in: ids } })) kept.set(row.userId, row.calendar);
  return kept;
}

/** Keeps when the person is next due (when planned) and the calendar they were invited to (when given). */
export async function keepSchedule(
  userId: string,
  kept: { dueAt?: Date | null; calendar?: string },
  now: Date,
): Promise<void> {
  await db.reminderSchedule.upsert({
    where: { userId },
    create: {
      userId,
      dueAt: kept.dueAt === undefined ? now : kept.dueAt,
      calendar: kept.calendar ?? "",
    },
    update: kept,
    select: { userId: true },
  });
}

/** The active people of these ids (or all), with what a pass needs of each, in runs. */
export async function activeRecipients(ids: readonly string[] | "everyone") {
  const select = {
    id: true,
    name: true,
    email: true,
    isAdmin: true,
    timeZone: true,
    language: true,
    notificationPreference: {
      select: {
        digest: true,
        nudgeNew: true,
        nudgeDueSoon: true,
        nudgeOverdue: true,
        nudgeScorecard: true,
        invitations: true,
        paused: true,
      },
    },
  } as const;
  if (ids === "everyone")
    return db.user.findMany({ where: { deactivatedAt: null }, select, orderBy: { id: "asc" } });
  const people = [];
  for (const run of chunks([...ids].sort(), 2000))
    people.push(
      ...(await db.user.findMany({
        where: { id: { in: run }, deactivatedAt: null },
        select,
        orderBy: { id: "asc" },
      })),
    );
  return people;
}
