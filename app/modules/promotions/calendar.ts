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
