import { calendarEventId, type CalendarSlot } from "~/platform/calendar";
import { INTERVIEW_MINUTES } from "./overlaps";

/**
 * An interview in its interviewer's calendar (and a candidate's contact's, when asked): pure.
 * Interviews are booked without a length; a calendar shows the length hiring counts clashes by.
 * The summary names the stage and opening, never the candidate.
 */
export function interviewSlot(slot: {
  interviewId: string;
  startsAt: Date;
  stage: string;
  opening: string;
  href: string;
}): CalendarSlot {
  return {
    eventId: calendarEventId("interview", slot.interviewId),
    startsAt: slot.startsAt,
    minutes: INTERVIEW_MINUTES,
    summary: {
      key: "email:calendar.summary.interview",
      values: { stage: slot.stage, opening: slot.opening },
    },
    href: slot.href,
  };
}
