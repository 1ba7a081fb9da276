import { calendarEventId, minutesBetween, type CalendarSlot } from "~/platform/calendar";

/**
 * A promotion window's committee meeting, for its chair and members: pure. One event (the
 * window's) for all of them, named after the window, never after a nominee.
 */
export function committeeSlot(meeting: {
  windowId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
}): CalendarSlot {
  return {
    eventId: calendarEventId("committee", meeting.windowId),
    startsAt: meeting.startsAt,
    minutes: minutesBetween(meeting.startsAt, meeting.endsAt),
    summary: { key: "email:calendar.summary.committee", values: { name: meeting.name } },
    href: `/promotions/windows/${meeting.windowId}/meeting`,
  };
}

/** A day (midnight UTC) kept on a working day: a Saturday or Sunday moves on to the Monday after. */
export function workingDayFrom(day: Date): Date {
  const weekday = day.getUTCDay();
  const days = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return new Date(day.getTime() + days * 24 * 60 * 60 * 1000);
}
