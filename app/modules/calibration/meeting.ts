import { z } from "zod";

/**
 * A calibration session's meeting: a start (a datetime-local value, read as UTC, as interview
 * times are) and a length. Pure. The facilitator or an admin sets, moves or removes it until the
 * session is locked; calibrators and the facilitator get calendar invitations (app/modules/notifications).
 */
export const MEETING_MAX_MINUTES = 8 * 60;

export const MeetingSchema = z.object({
  startsAt: z
    .string({ error: "Give the meeting's date and time." })
    .trim()
    .min(1, { error: "Give the meeting's date and time." })
    .max(40)
    .transform((value, context) => {
      const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
      if (Number.isNaN(date.getTime())) {
        context.addIssue({ code: "custom", message: "Give a date and time such as 2026-12-01 14:00." });
        return z.NEVER;
      }
      return date;
    }),
  minutes: z.coerce
    .number({ error: "Give the meeting's length in minutes." })
    .int({ error: "Give the length in whole minutes." })
    .min(15, { error: "A meeting lasts at least 15 minutes." })
    .max(MEETING_MAX_MINUTES, { error: `A meeting lasts at most ${MEETING_MAX_MINUTES} minutes.` }),
});
export type MeetingInput = z.output<typeof MeetingSchema>;

export const meetingEnd = (input: MeetingInput) => new Date(input.startsAt.getTime() + input.minutes * 60 * 1000);

/** The id a meeting's calendar event and outbox keys carry, told apart from an interview's. */
export const meetingEventId = (sessionId: string) => `calibration-${sessionId}`;
