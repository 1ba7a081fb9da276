/**
 * The career-conversation forms, one zod schema each, used on the client and the server through
 * conform. Times are entered on the viewer's own clock (a date-and-time field read in their zone,
 * app/modules/time-zones.ts); facts a schema cannot know (who may meet whom, which competencies
 * a ladder has) are checked by the module that writes.
 */
import { z } from "zod";
import { Day } from "~/modules/days";
import { dateTimeField } from "~/modules/time-zones";
import { ACTION_STATUSES, POINT_STATUSES } from "./agenda";
import { CADENCES, type SeriesKind } from "./cadence";
import { EVIDENCE_TEXT_LIMIT } from "./evidence-limits";
import { NOTE_VISIBILITIES } from "./policy";
import { PULSE_MAX, PULSE_MIN } from "./pulse";

export const TEXT_LIMIT = 2000;

const text = (missing: string, limit = TEXT_LIMIT) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(limit, { error: `Keep it under ${limit} characters.` });

const when = (zone: string) => dateTimeField(zone, { missing: "Choose a day and time.", invalid: "Choose a day and time that exist on your clock." });

/** Setting up a series: with whom (a pairing offered on the page: `<kind>:<manager id>:<report id>`), how often, and the first meeting. */
export const startSeriesSchema = (zone: string) =>
  z.object({
    pairing: z
      .string({ error: "Choose whom to meet." })
      .regex(/^(one-to-one|skip-level):[^:]+:[^:]+$/, { error: "Choose whom to meet." })
      .transform((value) => {
        const [kind, managerId, reportId] = value.split(":") as [SeriesKind, string, string];
        return { kind, managerId, reportId };
      }),
    cadence: z.enum(CADENCES, { error: "Choose how often you meet." }),
    firstAt: when(zone),
    minutes: z.coerce.number({ error: "Give how long a meeting lasts." }).int().min(15, { error: "At least 15 minutes." }).max(180, { error: "At most 3 hours." }).default(30),
  });

export const MoveSchema = (zone: string) => z.object({ meetingId: z.string().min(1).max(100), to: when(zone) });

export const CadenceSchema = z.object({ cadence: z.enum(CADENCES, { error: "Choose how often you meet." }) });

export const PointSchema = z.object({ meetingId: z.string().min(1).max(100), text: text("Write the point first.") });

export const SuggestionSchema = z.object({ meetingId: z.string().min(1).max(100), suggestion: z.string().min(1).max(200) });

export const PointStatusSchema = z.object({ pointId: z.string().min(1).max(100), status: z.enum(POINT_STATUSES) });

export const NoteSchema = z.object({ meetingId: z.string().min(1).max(100), visibility: z.enum(NOTE_VISIBILITIES, { error: "Choose who reads the note." }), text: text("Write the note first.") });

export const ActionSchema = z.object({
  meetingId: z.string().min(1).max(100),
  text: text("Say what is to be done."),
  ownerId: z.string({ error: "Choose who owns it." }).min(1, { error: "Choose who owns it." }).max(100),
  dueOn: Day.optional(),
});

export const ActionStatusSchema = z.object({ actionId: z.string().min(1).max(100), status: z.enum(ACTION_STATUSES) });

export const PulseSchema = z.object({
  score: z.coerce.number({ error: "Choose how useful they are." }).int().min(PULSE_MIN, { error: "Choose how useful they are." }).max(PULSE_MAX, { error: "Choose how useful they are." }),
});

export const EvidenceSchema = z.object({
  competencyId: z.string({ error: "Choose a competency." }).min(1, { error: "Choose a competency." }).max(100),
  text: text("Say what happened, in a sentence.", EVIDENCE_TEXT_LIMIT),
  url: z.string().trim().max(2000, { error: "Keep the link under 2000 characters." }).optional(),
  occurredOn: Day,
  shared: z.boolean().default(false),
  meetingId: z.string().max(100).optional(),
});
