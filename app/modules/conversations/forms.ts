/**
 * The career-conversation forms, one zod schema each, used on the client and the server through
 * conform. Times are entered on the viewer's own clock (a date-and-time field read in their zone,
 * app/modules/time-zones.ts); facts a schema cannot know (who may meet whom, which competencies
 * a ladder has) are checked by the module that writes.
 */
import { z } from "zod";
import { messageText } from "~/i18n/messages";
import { Day } from "~/modules/days";
import { dateTimeField, perTimeZone } from "~/modules/time-zones";
import { ACTION_STATUSES, POINT_STATUSES } from "./agenda";
import { CADENCES, cadenceRefusal, type SeriesKind } from "./cadence";
import { EVIDENCE_TEXT_LIMIT } from "./evidence-limits";
import { NOTE_VISIBILITIES } from "./policy";
import { PULSE_MAX, PULSE_MIN } from "./pulse";
import { refuseEscapingText } from "~/utils/free-text";

export const TEXT_LIMIT = 2000;

// The field is limited in the browser too (its maxlength comes from the schema), so the message names no number.
const text = (missing: string, limit = TEXT_LIMIT) =>
  z
    .string({ error: missing })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: missing })
    .max(limit, { error: "conversations:form.errors.tooLong" });

const when = (zone: string) =>
  dateTimeField(zone, {
    missing: "conversations:form.errors.whenMissing",
    invalid: "conversations:form.errors.whenInvalid",
  });

/** Setting up a series: with whom (a pairing offered on the page: `<kind>:<manager id>:<report id>`), how often, and the first meeting. */
export const startSeriesSchema = perTimeZone((zone) =>
  z
    .object({
      pairing: z
        .string({ error: "conversations:form.errors.pairing" })
        .regex(/^(one-to-one|skip-level):[^:]+:[^:]+$/, {
          error: "conversations:form.errors.pairing",
        })
        .transform((value) => {
          const [kind, managerId, reportId] = value.split(":") as [SeriesKind, string, string];
          return { kind, managerId, reportId };
        }),
      cadence: z.enum(CADENCES, { error: "conversations:form.errors.cadence" }),
      firstAt: when(zone),
      minutes: z.coerce
        .number({ error: "conversations:form.errors.minutes" })
        .int()
        .min(15, { error: "conversations:form.errors.minutesAtLeast" })
        .max(180, { error: "conversations:form.errors.minutesAtMost" })
        .default(30),
    })
    // The kind is chosen on the same form: a cadence it does not take is refused on its field.
    .superRefine((value, context) => {
      const refused = cadenceRefusal(value.pairing.kind, value.cadence);
      if (refused)
        context.addIssue({ code: "custom", path: ["cadence"], message: messageText(refused) });
    }),
);

export const MoveSchema = perTimeZone((zone) =>
  z.object({ meetingId: z.string().min(1).max(100), to: when(zone) }),
);

export const CadenceSchema = z.object({
  cadence: z.enum(CADENCES, { error: "conversations:form.errors.cadence" }),
});

export const PointSchema = z.object({
  meetingId: z.string().min(1).max(100),
  text: text("conversations:form.errors.pointMissing"),
});

export const SuggestionSchema = z.object({
  meetingId: z.string().min(1).max(100),
  suggestion: z.string().min(1).max(200),
});

export const PointStatusSchema = z.object({
  pointId: z.string().min(1).max(100),
  status: z.enum(POINT_STATUSES),
});

export const NoteSchema = z.object({
  meetingId: z.string().min(1).max(100),
  visibility: z.enum(NOTE_VISIBILITIES, { error: "conversations:form.errors.visibility" }),
  text: text("conversations:form.errors.noteMissing"),
});

export const ActionSchema = z.object({
  meetingId: z.string().min(1).max(100),
  text: text("conversations:form.errors.actionMissing"),
  ownerId: z
    .string({ error: "conversations:form.errors.owner" })
    .min(1, { error: "conversations:form.errors.owner" })
    .max(100),
  dueOn: Day.optional(),
});

export const ActionStatusSchema = z.object({
  actionId: z.string().min(1).max(100),
  status: z.enum(ACTION_STATUSES),
});

export const PulseSchema = z.object({
  score: z.coerce
    .number({ error: "conversations:form.errors.pulse" })
    .int()
    .min(PULSE_MIN, { error: "conversations:form.errors.pulse" })
    .max(PULSE_MAX, { error: "conversations:form.errors.pulse" }),
});

export const EvidenceSchema = z.object({
  competencyId: z
    .string({ error: "conversations:form.errors.competency" })
    .min(1, { error: "conversations:form.errors.competency" })
    .max(100),
  text: text("conversations:form.errors.evidenceMissing", EVIDENCE_TEXT_LIMIT),
  url: z.string().trim().max(2000, { error: "conversations:form.errors.urlTooLong" }).optional(),
  occurredOn: Day,
  shared: z.boolean().default(false),
  meetingId: z.string().max(100).optional(),
});
