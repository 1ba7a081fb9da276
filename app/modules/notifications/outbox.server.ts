import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { NotFoundError } from "~/modules/errors";
import { personTimeZone } from "~/modules/time-zones.server";
import { todoChangesIn, todoFor } from "~/modules/todo/todo.server";
import { getEnv } from "~/utils/env.server";
import { afterFailure, failureOf, type SendFailure } from "./delivery";
import { OUTBOX_STATUSES, type OutboxStatus } from "./outbox";
import { calendarInvitation, calendarOf, planInvitations } from "./invitations";
import { nextPlanAt, passSections, planMessages, type PlannedMessage } from "./plan";
import type { MessageKind } from "./preferences";
import { toPreferences } from "./preferences.server";
import { absoluteLink, renderInvitation, renderMessage, type Links, type Voice } from "./render";
import {
  activeRecipients,
  claimDueMessages,
  insertNewMessages,
  keepReminderPassState,
  keepSchedule,
  keptCalendars,
  knownInvitationKeys,
  knownKeys,
  peopleDueBy,
  preferencesWrittenSince,
  reminderPassState,
  type ClaimedMessage,
  type NewOutboxRow,
} from "./queries.server";
import { signingKey } from "./signing-key.server";
import { unsubscribeToken } from "./unsubscribe-token";
import { voiceFor } from "./voice.server";
import * as clock from "~/platform/clock.server";
import type { CalendarSlot } from "~/platform/calendar";
import { personalData } from "~/platform/personal-data";

/**
 * The outbox: every email Rungs sends is first a row with a unique key (person, item,
 * kind), then delivered by whichever pass claims it. A pass claims a batch with a lease
 * (claimedBy, claimedUntil); a pass that dies mid-batch leaves the rest to the next pass
 * once the lease runs out. Each message is marked sent right after the SMTP server takes it.
 */

/** What the SMTP side is asked to send; nodemailer's transporter fits. */
export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  icalEvent?: { method: string; filename: string; content: string };
};
export type Transport = { sendMail(message: MailMessage): Promise<unknown> };

export const LEASE_MS = 5 * 60 * 1000;
const BATCH_SIZE = 50;

export function appUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** Writes are stamped by the app servers' clocks, and one may commit a little after it was stamped: each pass reads back this far before the last one began. */
export const WRITE_MARGIN_MS = 5 * 60 * 1000;

/**
 * Whom this pass plans, in proportion to what changed: on the first pass (or when the clock went
 * back), everyone. After that, whoever a to-do provider names for the rows written and the time
 * passed since the last pass (todoChangesIn), whose email choices were written, and whose schedule
 * says a digest or a due date has come (nextPlanAt). Calendars apart: everyone whose events differ
 * from the ones they were last invited to.
 */
async function peopleToPlan(now: Date): Promise<string[] | "everyone"> {
  const last = await reminderPassState();
  if (!last || now.getTime() < last.plannedUntil.getTime()) return "everyone";
  const writtenSince = new Date(last.writtenSince.getTime() - WRITE_MARGIN_MS);
  const [changed, choices, due] = await Promise.all([
    todoChangesIn({ writtenSince, from: last.plannedUntil, to: now }),
    preferencesWrittenSince(writtenSince),
    peopleDueBy(now),
  ]);
  if (changed === "everyone") return "everyone";
  return [...new Set([...changed, ...choices, ...due])];
}

function calendarDigest(slots: readonly CalendarSlot[]): string {
  const calendar = calendarOf(slots);
  return calendar ? createHash("sha256").update(calendar).digest("base64url") : "";
}

/**
 * Plans what each person named by peopleToPlan is owed now (plan.ts) and adds the messages the
 * outbox does not hold yet; keeps when each is next due and the calendar they were invited to.
 */
export async function queueReminders(
  now = clock.now(),
): Promise<{ queued: number; planned: number }> {
  const readAt = clock.now();
  const env = getEnv();
  const base = appUrl();
  const key = await signingKey();
  // Each person's events still to come, from every module that declares what it puts in calendars
  // (its personal-data declaration's `calendar`).
  const events = await personalData.calendars(now);
  const toPlan = await peopleToPlan(now);
  const kept = await keptCalendars([...events.keys()]);
  const calendars = new Map(
    [...new Set([...events.keys(), ...kept.keys()])].map((personId) => [
      personId,
      calendarDigest(events.get(personId) ?? []),
    ]),
  );
  const moved = [...calendars]
    .filter(([personId, calendar]) => kept.get(personId) !== calendar)
    .map(([personId]) => personId);
  const planning = toPlan === "everyone" ? null : new Set(toPlan);
  const people = await activeRecipients(
    planning ? [...new Set([...planning, ...moved])] : "everyone",
  );
  const from = env.mail?.from ?? "rungs@rungs.invalid";
  const organizer = {
    name: /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1] || "Rungs",
    email: /<([^>]+)>/.exec(from)?.[1] ?? from,
  };
  let queued = 0;
  for (const person of people) {
    const planTodo = !planning || planning.has(person.id);
    const preferences = toPreferences(person.notificationPreference);
    const timeZone = personTimeZone(person.timeZone);
    const voice = voiceFor(person.language, timeZone);
    const [items, known] = await Promise.all([
      planTodo ? todoFor(person, now, voice.language) : [],
      knownKeys(person.id),
    ]);
    const unsubscribe = (kinds: [MessageKind, ...MessageKind[]]) =>
      absoluteLink(
        base,
        `/unsubscribe?${new URLSearchParams({ token: unsubscribeToken(key, person.id, kinds) })}`,
      );
    const links = (...kinds: [MessageKind, ...MessageKind[]]): Links => ({
      base,
      unsubscribe: unsubscribe(kinds),
      settings: absoluteLink(base, "/settings/email"),
      kinds:
        kinds.length > 1
          ? Object.fromEntries(kinds.map((kind) => [kind, unsubscribe([kind])]))
          : undefined,
    });
    const invitations: NewOutboxRow[] = planInvitations({
      recipientId: person.id,
      preferences,
      slots: events.get(person.id) ?? [],
      known,
      now,
    }).map((invitation) => {
      const messageLinks = links("invitation");
      const rendered = renderInvitation(
        {
          ...invitation,
          summary: invitation.slot?.summary ?? null,
          href: invitation.slot?.href ?? null,
        },
        person.name,
        messageLinks,
        voice,
      );
      return {
        id: randomUUID(),
        key: invitation.key,
        userId: person.id,
        kind: "invitation",
        toAddress: person.email,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        unsubscribeUrl: messageLinks.unsubscribe,
        calendar: calendarInvitation({
          eventId: invitation.eventId,
          domain: senderDomain(from),
          method: invitation.method,
          sequence: invitation.sequence,
          startsAt: invitation.startsAt,
          minutes: invitation.minutes,
          summary: rendered.calendar.summary,
          url: invitation.slot ? absoluteLink(base, invitation.slot.href) : null,
          description: rendered.calendar.description,
          organizer,
          attendee: { name: person.name, email: person.email },
          now,
        }),
        calendarMethod: invitation.method,
        status: invitation.status,
      };
    });
    queued += (await insertNewMessages(invitations, now)).size;
    if (planTodo)
      queued += await queuePass(
        person,
        planMessages({ personId: person.id, preferences, timeZone, items, known, now }),
        links,
        voice,
        now,
      );
    await keepSchedule(
      person.id,
      {
        ...(planTodo ? { dueAt: nextPlanAt({ preferences, timeZone, items, now }) } : {}),
        calendar: calendars.get(person.id) ?? "",
      },
      now,
    );
  }
  // People outside the organisation a module invites (a candidate's contact, when a hiring admin
  // asked): what the event is and when, on the organisation's clock and in its language; no link
  // into Rungs, no choices to unsubscribe from.
  const contactVoice = voiceFor(null, env.ORG_TIME_ZONE);
  for (const contact of await personalData.contactCalendars(now)) {
    const { recipientId } = contact;
    const known = await knownInvitationKeys(recipientId);
    const rows: NewOutboxRow[] = planInvitations({
      recipientId,
      preferences: null,
      slots: contact.slots,
      known,
      now,
    }).map((invitation) => {
      const rendered = renderInvitation(
        { ...invitation, summary: invitation.slot?.summary ?? null, href: null },
        contact.name,
        null,
        contactVoice,
      );
      return {
        id: randomUUID(),
        key: invitation.key,
        userId: null,
        kind: "invitation",
        toAddress: contact.email,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        unsubscribeUrl: null,
        calendar: calendarInvitation({
          eventId: invitation.eventId,
          domain: senderDomain(from),
          method: invitation.method,
          sequence: invitation.sequence,
          startsAt: invitation.startsAt,
          minutes: invitation.minutes,
          summary: rendered.calendar.summary,
          url: null,
          description: null,
          organizer,
          attendee: { name: contact.name, email: contact.email },
          now,
        }),
        calendarMethod: invitation.method,
        status: invitation.status,
      };
    });
    queued += (await insertNewMessages(rows, now)).size;
  }
  await keepReminderPassState(readAt, now);
  return { queued, planned: people.length };
}

/**
 * The reminders one pass owes a person, as one email (passSections). Each reminder is a row under
 * its own key, in its own words, recorded as skipped or as told in the email ("combined"); in the
 * same transaction the first wanted one this pass added becomes the email, made from the wanted
 * ones it added (one another pass or server recorded first is told by theirs). Returns the rows added.
 */
async function queuePass(
  person: { id: string; name: string; email: string },
  planned: PlannedMessage[],
  links: (...kinds: [MessageKind, ...MessageKind[]]) => Links,
  voice: Voice,
  now: Date,
): Promise<number> {
  if (!planned.length) return 0;
  const rows: NewOutboxRow[] = planned.map((message) => {
    const messageLinks = links(message.kind);
    const rendered = renderMessage(
      [{ kind: message.kind, items: message.items }],
      person.name,
      messageLinks,
      voice,
    );
    return {
      id: randomUUID(),
      key: message.key,
      userId: person.id,
      kind: message.kind,
      toAddress: person.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      unsubscribeUrl: messageLinks.unsubscribe,
      calendar: null,
      calendarMethod: null,
      status: message.status === "skipped" ? "skipped" : "combined",
    };
  });
  return db.$transaction(async (tx) => {
    const added = await insertNewMessages(rows, now, tx);
    const told = planned.filter((message) => message.status === "queued" && added.has(message.key));
    const [first, ...rest] = passSections(told);
    if (first) {
      const messageLinks = links(first.kind, ...rest.map((section) => section.kind));
      const rendered = renderMessage([first, ...rest], person.name, messageLinks, voice);
      await tx.outboxMessage.update({
        where: { key: told[0]!.key },
        data: {
          status: "queued",
          kind: [first, ...rest].map((section) => section.kind).join("+"),
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          unsubscribeUrl: messageLinks.unsubscribe,
        },
      });
    }
    return added.size;
  });
}

function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "rungs.invalid";
}

function asFailure(error: unknown): SendFailure {
  const value = (error ?? {}) as Partial<SendFailure>;
  return {
    responseCode: typeof value.responseCode === "number" ? value.responseCode : undefined,
    response: typeof value.response === "string" ? value.response : undefined,
    code: typeof value.code === "string" ? value.code : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

function mailFor(message: ClaimedMessage, from: string): MailMessage {
  return {
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    // The outbox row's id: a receiver that sees the same message twice can tell.
    messageId: `<${message.id}@${senderDomain(from)}>`,
    headers: {
      // A candidate's contact has no choices in Rungs: no unsubscribe link (it would point at nobody).
      ...(message.unsubscribeUrl
        ? {
            "List-Unsubscribe": `<${message.unsubscribeUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {}),
      "Auto-Submitted": "auto-generated",
    },
    ...(message.calendar && message.calendarMethod
      ? {
          icalEvent: {
            method: message.calendarMethod,
            filename: "invitation.ics",
            content: message.calendar,
          },
        }
      : {}),
  };
}

export type DeliveryResult = { sent: number; retried: number; failed: number };

export type DeliveryOptions = {
  /** Tells this pass apart from others (several app servers); unique per call by default. */
  worker?: string;
  /** The pass's clock; the real one by default. */
  now?: () => Date;
  batchSize?: number;
  /** A pass that is stopped leaves what it claimed and has not sent for the next pass, once its lease runs out. */
  signal?: AbortSignal;
};

/** Sends due messages until none is left that this pass may take. */
export async function deliverQueued(
  transport: Transport,
  from: string,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  const readClock = options.now ?? clock.now;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  while (!options.signal?.aborted) {
    const now = readClock();
    const batch = await claimDueMessages(
      worker,
      now,
      new Date(now.getTime() + LEASE_MS),
      options.batchSize ?? BATCH_SIZE,
    );
    if (!batch.length) break;
    for (const message of batch) {
      if (options.signal?.aborted) return result;
      const mine = { id: message.id, claimedBy: worker };
      const attempts = message.attempts + 1;
      try {
        await transport.sendMail(mailFor(message, from));
        await db.outboxMessage.updateMany({
          where: mine,
          data: {
            status: "sent",
            sentAt: readClock(),
            attempts,
            lastError: null,
            claimedBy: null,
            claimedUntil: null,
          },
        });
        result.sent++;
      } catch (error) {
        const outcome = afterFailure(asFailure(error), attempts, readClock());
        if (outcome.status === "retry") {
          await db.outboxMessage.updateMany({
            where: mine,
            data: {
              attempts,
              lastError: outcome.reason,
              nextAttemptAt: outcome.nextAttemptAt,
              claimedBy: null,
              claimedUntil: null,
            },
          });
          result.retried++;
        } else {
          await db.outboxMessage.updateMany({
            where: mine,
            data: {
              status: "failed",
              attempts,
              lastError: outcome.reason,
              claimedBy: null,
              claimedUntil: null,
            },
          });
          result.failed++;
        }
      }
    }
  }
  return result;
}

/** `planned`: the people whose reminders and invitations the pass worked out (peopleToPlan); `queued`: the messages it added. */
export type PassResult = DeliveryResult & { planned: number; queued: number };

/** One pass: queue what is owed, then deliver. Null when email is off (no SMTP_URL and MAIL_FROM): nothing is queued or sent. */
export async function runNotificationPass(
  transport: Transport | null,
  options: DeliveryOptions = {},
): Promise<PassResult | null> {
  const mail = getEnv().mail;
  if (!mail || !transport) return null;
  const { planned, queued } = await queueReminders(options.now?.() ?? clock.now());
  return { planned, queued, ...(await deliverQueued(transport, mail.from, options)) };
}

export const OUTBOX_PAGE_SIZE = 50;

/** The admins' view of the outbox: counts by status and one page of one status, newest first. */
export async function outboxPage(status: OutboxStatus, page: number) {
  const [counts, total] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboxMessage.count({ where: { status } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const messages = await db.outboxMessage.findMany({
    where: { status },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
  const byStatus = Object.fromEntries(
    OUTBOX_STATUSES.map((name) => [
      name,
      counts.find((count) => count.status === name)?._count._all ?? 0,
    ]),
  ) as Record<OutboxStatus, number>;
  return {
    status,
    counts: byStatus,
    messages: messages.map(({ lastError, ...message }) => ({
      ...message,
      failure: failureOf(message.status, lastError),
    })),
    page: current,
    pageCount,
    total,
    emailOn: getEnv().mail !== null,
  };
}

/** An admin sends a sent or failed message again: it is queued as new, and the audit log says who asked. */
export async function resendMessage(adminId: string, messageId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const message = await tx.outboxMessage.findUnique({
      where: { id: messageId },
      select: { id: true, status: true, toAddress: true, subject: true },
    });
    if (!message || (message.status !== "sent" && message.status !== "failed"))
      throw new NotFoundError({ key: "admin:outbox.errors.notResendable" });
    await tx.outboxMessage.update({
      where: { id: messageId },
      data: {
        status: "queued",
        attempts: 0,
        nextAttemptAt: clock.now(),
        lastError: null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    await recordAuditEvent(tx, {
      actorId: adminId,
      action: "email.resent",
      subjectType: "email",
      subjectId: messageId,
      detail: { to: message.toAddress, subject: message.subject, was: message.status },
    });
  });
}
