import { calendarEventId, minutesBetween, type CalendarSlot } from "~/platform/calendar";

/** A calibration session's meeting in its facilitator's and calibrators' calendars: pure. */
export function meetingSlot(meeting: {
  sessionId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
}): CalendarSlot {
  return {
    eventId: calendarEventId("calibration", meeting.sessionId),
    startsAt: meeting.startsAt,
    minutes: minutesBetween(meeting.startsAt, meeting.endsAt),
    summary: { key: "email:calendar.summary.calibration", values: { name: meeting.name } },
    href: `/calibration/${meeting.sessionId}`,
  };
}
