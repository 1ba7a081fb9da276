import { z } from "zod";
import { dateTimeField } from "~/modules/time-zones";

/**
 * A calibration session's meeting: a start, entered on the clock of whoever sets it
 * (app/modules/time-zones.ts), and a length. Pure. The facilitator or an admin sets, moves or
 * removes it until the session is locked; calibrators and the facilitator get calendar invitations
 * (app/modules/notifications), each on their own clock.
 */
export const MEETING_MAX_MINUTES = 8 * 60;

/** The meeting form, its start read on `timeZone`'s clock. */
export const meetingSchema = (timeZone: string) =>
  z.object({
    startsAt: dateTimeField(timeZone, { missing: "Give the meeting's date and time.", invalid: "Give a date and time such as 2026-12-01 14:00." }),
    minutes: z.coerce
      .number({ error: "Give the meeting's length in minutes." })
      .int({ error: "Give the length in whole minutes." })
      .min(15, { error: "A meeting lasts at least 15 minutes." })
      .max(MEETING_MAX_MINUTES, { error: `A meeting lasts at most ${MEETING_MAX_MINUTES} minutes.` }),
  });
export type MeetingInput = z.output<ReturnType<typeof meetingSchema>>;

export const meetingEnd = (input: MeetingInput) => new Date(input.startsAt.getTime() + input.minutes * 60 * 1000);

/** The id a meeting's calendar event and outbox keys carry, told apart from an interview's. */
export const meetingEventId = (sessionId: string) => `calibration-${sessionId}`;
