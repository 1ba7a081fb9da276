import { calendarEventId, type CalendarSlot } from "~/platform/calendar";

/**
 * A meeting of a one-to-one or skip-level series, for one of its two people: pure. The same event
 * (one UID, the meeting's) for both, so a move updates both calendars with a higher SEQUENCE; its
 * summary names the other person of the two, whom the recipient meets.
 */
export function conversationSlot(meeting: {
  meetingId: string;
  kind: "one-to-one" | "skip-level";
  seriesId: string;
  startsAt: Date;
  minutes: number;
  otherName: string;
}): CalendarSlot {
  return {
    eventId: calendarEventId("conversation", meeting.meetingId),
    startsAt: meeting.startsAt,
    minutes: meeting.minutes,
    summary: {
      key:
        meeting.kind === "one-to-one"
          ? "email:calendar.summary.oneToOne"
          : "email:calendar.summary.skipLevel",
      values: { name: meeting.otherName },
    },
    href: `/conversations/${meeting.seriesId}`,
  };
}
