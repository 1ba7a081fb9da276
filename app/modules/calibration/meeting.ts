import { z } from "zod";
import { dateTimeField, perTimeZone } from "~/modules/time-zones";

/**
 * A calibration session's meeting: a start, entered on the clock of whoever sets it
 * (app/modules/time-zones.ts), and a length. Pure. The facilitator or an admin sets, moves or
 * removes it until the session is locked; calibrators and the facilitator get calendar invitations
 * (app/modules/notifications), each on their own clock.
 */
export const MEETING_MAX_MINUTES = 8 * 60;

/** The meeting form, its start read on `timeZone`'s clock; its messages are keys, worded where the form shows them. */
export const meetingSchema = perTimeZone((timeZone) =>
  z.object({
    startsAt: dateTimeField(timeZone, {
      missing: "calibration:errors.meetingStartMissing",
      invalid: "calibration:errors.meetingStartInvalid",
    }),
    minutes: z.coerce
      .number({ error: "calibration:errors.meetingLengthMissing" })
      .int({ error: "calibration:errors.meetingLengthWhole" })
      .min(15, { error: "calibration:errors.meetingTooShort" })
      .max(MEETING_MAX_MINUTES, { error: "calibration:errors.meetingTooLong" }),
  }),
);
export type MeetingInput = z.output<ReturnType<typeof meetingSchema>>;

export const meetingEnd = (input: MeetingInput) =>
  new Date(input.startsAt.getTime() + input.minutes * 60 * 1000);
