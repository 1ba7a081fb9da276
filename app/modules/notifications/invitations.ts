import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { eventKind, type CalendarSlot } from "~/platform/calendar";
import { wants, type Preferences } from "./preferences";

/**
 * Calendar invitations for the events the modules declare (app/platform/calendar.ts): pure. Each
 * person gets an iCalendar REQUEST for each event of theirs still to come; moved, a REQUEST again
 * with a higher SEQUENCE; taken off (or the loop withdrawn, or the meeting removed), a CANCEL. What
 * was sent is read back from the outbox's keys, which carry the sequence, the method and the
 * time, so every pass and every app server plans the same next message, and the outbox holds it once.
 */

export type InvitationMethod = "REQUEST" | "CANCEL";
export type PlannedInvitation = {
  key: string;
  eventId: string;
  sequence: number;
  method: InvitationMethod;
  startsAt: Date;
  minutes: number;
  slot: CalendarSlot | null;
  status: "queued" | "skipped";
};

/** An event an hour long has a key without its length (the length interviews are shown with). */
const KEY_MINUTES = 60;

/**
 * `invitation:<recipient>:<event>:<sequence>:<method>:<start>` with `+<minutes>` after the start
 * when the event does not last an hour, so a meeting whose end moves is news too. The recipient
 * is a person's id, or `candidate-<id>` for a candidate's contact.
 */
export function invitationKey(
  recipientId: string,
  eventId: string,
  sequence: number,
  method: InvitationMethod,
  startsAt: Date,
  minutes = KEY_MINUTES,
): string {
  return `invitation:${recipientId}:${eventId}:${sequence}:${method}:${startsAt.getTime()}${minutes === KEY_MINUTES ? "" : `+${minutes}`}`;
}

type Sent = {
  eventId: string;
  sequence: number;
  method: InvitationMethod;
  startsAt: Date;
  minutes: number;
};

function readKey(key: string, recipientId: string): Sent | null {
  const [prefix, recipient, eventId, sequence, method, time] = key.split(":");
  if (
    prefix !== "invitation" ||
    recipient !== recipientId ||
    !eventId ||
    !time ||
    (method !== "REQUEST" && method !== "CANCEL")
  )
    return null;
  const [start, minutes] = time.split("+");
  return {
    eventId,
    sequence: Number(sequence),
    method,
    startsAt: new Date(Number(start)),
    minutes: minutes ? Number(minutes) : KEY_MINUTES,
  };
}

/** The latest invitation sent (or skipped) for each event of the recipient. */
function latestSent(recipientId: string, known: ReadonlySet<string>): Map<string, Sent> {
  const latest = new Map<string, Sent>();
  for (const key of known) {
    const sent = readKey(key, recipientId);
    if (sent && sent.sequence >= (latest.get(sent.eventId)?.sequence ?? -1))
      latest.set(sent.eventId, sent);
  }
  return latest;
}

/**
 * What the recipient is owed now. `preferences` null: a recipient without choices (a
 * candidate's contact, invited only when the hiring admin asks), whose invitations are all queued.
 */
export function planInvitations({
  recipientId,
  preferences,
  slots,
  known,
  now,
}: {
  recipientId: string;
  preferences: Preferences | null;
  slots: CalendarSlot[];
  known: ReadonlySet<string>;
  now: Date;
}): PlannedInvitation[] {
  const status = !preferences || wants(preferences, "invitation") ? "queued" : "skipped";
  const latest = latestSent(recipientId, known);
  const planned: PlannedInvitation[] = [];
  const current = new Set<string>();
  for (const slot of slots) {
    current.add(slot.eventId);
    const last = latest.get(slot.eventId);
    if (
      last?.method === "REQUEST" &&
      last.startsAt.getTime() === slot.startsAt.getTime() &&
      last.minutes === slot.minutes
    )
      continue;
    const sequence = last ? last.sequence + 1 : 0;
    planned.push({
      key: invitationKey(
        recipientId,
        slot.eventId,
        sequence,
        "REQUEST",
        slot.startsAt,
        slot.minutes,
      ),
      eventId: slot.eventId,
      sequence,
      method: "REQUEST",
      startsAt: slot.startsAt,
      minutes: slot.minutes,
      slot,
      status,
    });
  }
  for (const last of latest.values()) {
    // An event that has taken place leaves the list without being cancelled.
    if (
      current.has(last.eventId) ||
      last.method !== "REQUEST" ||
      last.startsAt.getTime() <= now.getTime()
    )
      continue;
    const sequence = last.sequence + 1;
    planned.push({
      key: invitationKey(
        recipientId,
        last.eventId,
        sequence,
        "CANCEL",
        last.startsAt,
        last.minutes,
      ),
      eventId: last.eventId,
      sequence,
      method: "CANCEL",
      startsAt: last.startsAt,
      minutes: last.minutes,
      slot: null,
      status,
    });
  }
  return planned;
}

/**
 * A person's calendar as one string: each event still to come, by id, start and length, in order.
 * Two passes that read the same string owe the person no invitation (planInvitations sends only on
 * an event new, moved, lengthened or gone); "" when they have none.
 */
export function calendarOf(slots: readonly CalendarSlot[]): string {
  return slots
    .map((slot) => `${slot.eventId}@${slot.startsAt.getTime()}+${slot.minutes}`)
    .sort()
    .join(" ");
}

/**
 * The iCalendar text: one event whose UID is the interview's (or the session's, for its
 * meeting; the conversation meeting's), its SEQUENCE, and METHOD REQUEST or CANCEL. Times are written in UTC, which every
 * calendar shows on its own clock. The summary and description come worded in the recipient's
 * language (renderInvitation).
 */
export function calendarInvitation(input: {
  eventId: string;
  domain: string;
  method: InvitationMethod;
  sequence: number;
  startsAt: Date;
  minutes: number;
  summary: string;
  /** The page the event links to; null when the recipient has no page in Rungs (a candidate). */
  url: string | null;
  /** What the link is and the link, when there is one. */
  description: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  now: Date;
}): string {
  const calendar = ical({
    prodId: { company: "Rungs", product: "Rungs", language: "EN" },
    method: input.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: `${eventKind(input.eventId) === "interview" ? "interview-" : ""}${input.eventId}@${input.domain}`,
    sequence: input.sequence,
    stamp: input.now,
    start: input.startsAt,
    end: new Date(input.startsAt.getTime() + input.minutes * 60 * 1000),
    summary: input.summary,
    description: input.description ?? undefined,
    url: input.url ?? undefined,
    status: input.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: parameterText(input.organizer.name), email: input.organizer.email },
    attendees: [
      {
        name: parameterText(input.attendee.name),
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

/**
 * A name as a CN parameter value, escaped by RFC 6868 (`^` as `^^`, a line break as `^n`, `"` as
 * `^'`): ical-generator writes `\"` and `\n` there, which calendar clients read as a stray
 * backslash, a cut-off name or a broken line.
 */
function parameterText(name: string): string {
  return name
    .replace(/\^/g, "^^")
    .replace(/\r\n|\r|\n/g, "^n")
    .replace(/"/g, "^'");
}
