import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Whether a PostgreSQL URL keeps a session: what Rungs' migrations (a session's advisory lock),
 * live updates (LISTEN) and backups need. Behind a pooler in transaction mode (PgBouncer's usual
 * mode) a connection is lent a server connection for one transaction only: the lock would be held
 * by whichever connection took it, and LISTEN would hear nothing, without an error either way
 * (decision 102). So it is tried, not guessed from the URL: `session` (a connected client on the
 * URL, the one that will hold the lock) listens on a channel of its own, another connection on the
 * same URL notifies it, and the word must arrive. On PostgreSQL itself, or through a pooler in
 * session mode, it arrives within milliseconds; through a transaction pooler, never.
 */
export const SESSION_CHECK_MS = 3_000;

export class NoSessionError extends Error {}

export async function checkSessionKept(
  session: pg.Client,
  url: string,
  waitMs = SESSION_CHECK_MS,
  unheard: (waitMs: number) => string = noSessionMessage,
): Promise<void> {
  const channel = `rungs_session_check_${randomBytes(6).toString("hex")}`;
  let heard!: () => void;
  const arrived = new Promise<void>((resolve) => (heard = resolve));
  const onNotification = (message: pg.Notification) => {
    if (message.channel === channel) heard();
  };
  session.on("notification", onNotification);
  let timer: NodeJS.Timeout | undefined;
  try {
    await session.query(`LISTEN ${channel}`);
    const teller = new pg.Client({ connectionString: url });
    await teller.connect();
    try {
      await teller.query("SELECT pg_notify($1, 'check')", [channel]);
    } finally {
      await teller.end().catch(() => undefined);
    }
    const kept = await Promise.race([
      arrived.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    if (!kept) throw new NoSessionError(unheard(waitMs));
    await session.query(`UNLISTEN ${channel}`);
  } finally {
    clearTimeout(timer);
    session.off("notification", onNotification);
  }
}

export function noSessionMessage(waitMs: number): string {
  return [
    `this URL does not keep a session: a LISTEN on it heard nothing for ${waitMs / 1000} s.`,
    "It goes through a connection pooler in transaction mode (PgBouncer's pool_mode = transaction?),",
    "where migrations' lock would not hold and live updates between app servers would stop without an error.",
    "Keep DATABASE_URL on the pooler for pages and set DATABASE_DIRECT_URL to PostgreSQL itself",
    '(or to a pool in session mode): docs/operations.md, "A connection pooler".',
  ].join(" ");
}

/**
 * With DATABASE_DIRECT_URL set, live updates are said through the pages' connections (DATABASE_URL)
 * and heard on the direct one: a notification sent through the first must reach a LISTEN on the
 * second. It does not when they name different databases (a notification stays in its database),
 * and live updates would then never arrive, without an error.
 */
export async function checkSameDatabase(directUrl: string, pagesUrl: string): Promise<void> {
  const session = new pg.Client({ connectionString: directUrl });
  await session.connect();
  try {
    await checkSessionKept(session, pagesUrl, SESSION_CHECK_MS, (waitMs) =>
      [
        `a notification sent through DATABASE_URL was not heard on DATABASE_DIRECT_URL within ${waitMs / 1000} s:`,
        "they do not reach the same database, and live updates between app servers would never arrive.",
        "Point both at the same database (DATABASE_URL through the pooler, DATABASE_DIRECT_URL to PostgreSQL itself).",
      ].join(" "),
    );
  } finally {
    await session.end().catch(() => undefined);
  }
}

/** The same check on a connection of its own: for what opens its sessions elsewhere (pg_dump, psql). */
export async function checkUrlKeepsSession(url: string, waitMs = SESSION_CHECK_MS): Promise<void> {
  const session = new pg.Client({ connectionString: url });
  await session.connect();
  try {
    await checkSessionKept(session, url, waitMs);
  } finally {
    await session.end().catch(() => undefined);
  }
}
