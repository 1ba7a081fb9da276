import type { Message } from "~/i18n/messages";

/**
 * What the calendar pass sends invitations for: pure. Each module that puts events in people's
 * calendars says so in its personal-data declaration (`calendar`), with the kinds of event below
 * it owns and the table holding each one's time; the pass (app/modules/notifications) reads the
 * registry and names no module (decision 096). A test fails when a kind has no module or two, or
 * when a table holding a meeting's time is named by no declaration.
 */

/** Every kind of event in a calendar, as invitations and their emails word them. */
export const CALENDAR_EVENTS = ["interview", "calibration", "conversation", "committee"] as const;
export type CalendarEvent = (typeof CALENDAR_EVENTS)[number];

/**
 * One event in someone's calendar. `eventId` is `calendarEventId(kind, id)`; the summary names what
 * the event is (a stage and opening, a session, the other person of a one-to-one), never someone
 * the recipient does not meet. It is a message, worded in each recipient's language when their
 * invitation is rendered.
 */
export type CalendarSlot = {
  eventId: string;
  startsAt: Date;
  minutes: number;
  summary: Message;
  href: string;
};

/**
 * An event's id: `<kind>-<record id>`, except an interview's, which is its id alone (interviews
 * were the first events, and the invitations already sent carry their ids as they were).
 */
export function calendarEventId(kind: CalendarEvent, id: string): string {
  return kind === "interview" ? id : `${kind}-${id}`;
}

/** What an event is, from its id. */
export function eventKind(eventId: string): CalendarEvent {
  return (
    CALENDAR_EVENTS.find((kind) => kind !== "interview" && eventId.startsWith(`${kind}-`)) ??
    "interview"
  );
}

/** A meeting's length in whole minutes, at least one. */
export function minutesBetween(startsAt: Date, endsAt: Date): number {
  return Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / 60000));
}
