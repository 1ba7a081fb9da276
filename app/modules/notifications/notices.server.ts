import { randomUUID } from "node:crypto";
import type { Prisma } from "~/db/client.server";
import { personTimeZone } from "~/modules/time-zones.server";
import { getEnv } from "~/utils/env.server";
import { appUrl } from "./outbox.server";
import { insertNewMessages } from "./queries.server";
import { renderNotice, type Notice } from "./render";
import { voiceFor } from "./voice.server";

/**
 * Notices: one email telling a person that someone else did something to what is theirs (an admin
 * revoked their API token). Queued in the caller's transaction, so the person is told exactly when
 * the change is made, and delivered by the outbox's passes like every other email, in the person's
 * language and on their clock. `key` makes it once however often the caller retries. Nothing is
 * queued while email is off (no SMTP_URL and MAIL_FROM), as nothing else is.
 */
export async function queueNotice(
  tx: Prisma.TransactionClient,
  recipient: {
    id: string;
    name: string;
    email: string;
    language: string | null;
    timeZone: string | null;
  },
  key: string,
  notice: Notice,
  now: Date,
): Promise<boolean> {
  if (!getEnv().mail) return false;
  const rendered = renderNotice(
    notice,
    recipient.name,
    appUrl(),
    voiceFor(recipient.language, personTimeZone(recipient.timeZone)),
  );
  const added = await insertNewMessages(
    [
      {
        id: randomUUID(),
        key,
        userId: recipient.id,
        kind: "notice",
        toAddress: recipient.email,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        unsubscribeUrl: null,
        calendar: null,
        calendarMethod: null,
        status: "queued",
      },
    ],
    now,
    tx,
  );
  return added.has(key);
}
