/**
 * The mentorship forms, one zod schema each, used on the client and the server through conform.
 * Facts a schema cannot know (a team or competency that exists, a capacity within the
 * programme's maximum) are checked by the module that writes.
 */
import { z } from "zod";
import { Day } from "~/modules/days";
import { TimeZoneChoice } from "~/modules/time-zones";
import { nameField } from "~/utils/name-text";
import { OUTCOMES, PULSE_CHECKPOINTS } from "./lifecycle";
import { refuseEscapingText } from "~/utils/free-text";

// Keys, worded where the errors are shown (app/components/ui/field.tsx): these schemas check in the browser too.
const Weight = (missing: string) =>
  z.coerce
    .number({ error: missing })
    .min(0, { error: "mentorship:programmeForm.errors.weightBelowZero" })
    .max(10, { error: "mentorship:programmeForm.errors.weightAboveTen" });

export const MAX_GOALS = 5;
export const MAX_TEACHABLE = 30;
export const MAX_CAPACITY = 10;

export const ProgrammeSchema = z
  .object({
    name: nameField(
      "mentorship:programmeForm.errors.nameMissing",
      120,
      "mentorship:programmeForm.errors.nameTooLong",
    ),
    ladderId: z
      .string({ error: "mentorship:programmeForm.errors.ladderMissing" })
      .trim()
      .min(1, { error: "mentorship:programmeForm.errors.ladderMissing" })
      .max(100),
    startsOn: Day,
    endsOn: Day,
    matchingOn: Day,
    openTo: z.enum(["everyone", "teams"], {
      error: "mentorship:programmeForm.errors.openToMissing",
    }),
    teamIds: z.array(z.string().max(100)).max(5000).default([]),
    maxMenteesPerMentor: z.coerce
      .number({ error: "mentorship:programmeForm.errors.maxMenteesMissing" })
      .int({ error: "mentorship:programmeForm.errors.wholeNumber" })
      .min(1, { error: "mentorship:programmeForm.errors.maxMenteesBelowOne" })
      .max(MAX_CAPACITY, { error: "mentorship:programmeForm.errors.maxMenteesTooMany" })
      .default(2),
    allowRepeatPairs: z.boolean().default(false),
    crossTeamOnly: z.boolean().default(false),
    /** Empty for no limit. */
    maxTimeZoneHours: z.coerce
      .number({ error: "mentorship:programmeForm.errors.hoursNotNumber" })
      .int({ error: "mentorship:programmeForm.errors.hoursNotWhole" })
      .min(0, { error: "mentorship:programmeForm.errors.hoursBelowZero" })
      .max(12, { error: "mentorship:programmeForm.errors.hoursAboveTwelve" })
      .optional(),
    weightGoals: Weight("mentorship:programmeForm.errors.weightGoalsMissing"),
    weightCrossTeam: Weight("mentorship:programmeForm.errors.weightCrossTeamMissing"),
    weightLevel: Weight("mentorship:programmeForm.errors.weightLevelMissing"),
    objective: z.enum(["most-matched", "most-fit"], {
      error: "mentorship:programmeForm.errors.objectiveMissing",
    }),
    fairness: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if (value.endsOn < value.startsOn)
      context.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "mentorship:programmeForm.errors.endsBeforeStart",
      });
    if (value.matchingOn > value.endsOn)
      context.addIssue({
        code: "custom",
        path: ["matchingOn"],
        message: "mentorship:programmeForm.errors.matchingAfterEnd",
      });
    if (value.openTo === "teams" && value.teamIds.length === 0)
      context.addIssue({
        code: "custom",
        path: ["teamIds"],
        message: "mentorship:programmeForm.errors.teamsMissing",
      });
    if (value.weightGoals + value.weightCrossTeam + value.weightLevel === 0)
      context.addIssue({
        code: "custom",
        path: ["weightGoals"],
        message: "mentorship:programmeForm.errors.weightsAllZero",
      });
  });
export type ProgrammeInput = z.output<typeof ProgrammeSchema>;

/** The three weights alone: a preview of what they would change. */
export const WeightsSchema = z
  .object({
    weightGoals: Weight("mentorship:programmeForm.errors.weightGoalsMissing"),
    weightCrossTeam: Weight("mentorship:programmeForm.errors.weightCrossTeamMissing"),
    weightLevel: Weight("mentorship:programmeForm.errors.weightLevelMissing"),
  })
  .superRefine((value, context) => {
    if (value.weightGoals + value.weightCrossTeam + value.weightLevel === 0)
      context.addIssue({
        code: "custom",
        path: ["weightGoals"],
        message: "mentorship:programmeForm.errors.weightsAllZero",
      });
  });

export const MenteeOptInSchema = z.object({
  goals: z
    .array(z.string().max(100), { error: "mentorship:join.errors.goalsMissing" })
    .min(1, { error: "mentorship:join.errors.goalsMissing" })
    .max(MAX_GOALS, { error: "mentorship:join.errors.tooManyGoals" }),
  preferences: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(1000, { error: "mentorship:join.errors.preferencesTooLong" })
    .default(""),
  /** The person's own zone, empty for the organisation's: it is theirs everywhere in Rungs. */
  timeZone: TimeZoneChoice,
});
export type MenteeOptInInput = z.output<typeof MenteeOptInSchema>;

export const MentorOptInSchema = z.object({
  capacity: z.coerce
    .number({ error: "mentorship:join.errors.capacityMissing" })
    .int({ error: "mentorship:programmeForm.errors.wholeNumber" })
    .min(1, { error: "mentorship:join.errors.capacityBelowOne" })
    .max(MAX_CAPACITY, { error: "mentorship:join.errors.capacityTooMany" }),
  competencies: z
    .array(z.string().max(100), { error: "mentorship:join.errors.competenciesMissing" })
    .min(1, { error: "mentorship:join.errors.competenciesMissing" })
    .max(MAX_TEACHABLE, { error: "mentorship:join.errors.tooManyCompetencies" }),
  timeZone: TimeZoneChoice,
});
export type MentorOptInInput = z.output<typeof MentorOptInSchema>;

export const RunSchema = z.object({
  objective: z.enum(["most-matched", "most-fit"], {
    error: "mentorship:programmeForm.errors.objectiveMissing",
  }),
  fairness: z.boolean().default(false),
});

/** A pin or forbid named by the two people's emails. */
export const PairRuleSchema = z.object({
  kind: z.enum(["pin", "forbid"], { error: "mentorship:matching.errors.kindMissing" }),
  menteeEmail: z
    .string({ error: "mentorship:matching.errors.menteeEmailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "mentorship:matching.errors.menteeEmailMissing" })
    .max(254),
  mentorEmail: z
    .string({ error: "mentorship:matching.errors.mentorEmailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "mentorship:matching.errors.mentorEmailMissing" })
    .max(254),
});

export const DeclineSchema = z.object({
  reason: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(500, { error: "mentorship:pair.errors.reasonTooLong" })
    .default(""),
});

export const CheckInSchema = z.object({
  occurredOn: Day,
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(5000, { error: "mentorship:pair.errors.checkInNoteTooLong" })
    .default(""),
  competencies: z.array(z.string().max(100)).max(MAX_TEACHABLE).default([]),
  shared: z.boolean().default(false),
});
export type CheckInInput = z.output<typeof CheckInSchema>;

const Score = (unanswered: string) =>
  z.coerce
    .number({ error: unanswered })
    .int({ error: unanswered })
    .min(1, { error: "mentorship:pulse.errors.outOfRange" })
    .max(5, { error: "mentorship:pulse.errors.outOfRange" });

export const PulseSchema = z.object({
  checkpoint: z.coerce
    .number()
    .refine((value) => (PULSE_CHECKPOINTS as readonly number[]).includes(value), {
      error: "mentorship:pulse.errors.noSuchPulse",
    }),
  usefulness: Score("mentorship:pulse.errors.usefulnessMissing"),
  comfort: Score("mentorship:pulse.errors.comfortMissing"),
});

export const OutcomeSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: "mentorship:pair.errors.outcomeMissing" }),
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(2000, { error: "mentorship:pair.errors.outcomeNoteTooLong" })
    .default(""),
});

export const MAX_NOTE = 500;

/** A mentee asks a mentor, as their 1st, 2nd or 3rd choice. */
export const RequestSchema = z.object({
  mentorId: z
    .string({ error: "mentorship:mentors.errors.mentorMissing" })
    .trim()
    .min(1, { error: "mentorship:mentors.errors.mentorMissing" })
    .max(100),
  rank: z.coerce
    .number({ error: "mentorship:mentors.errors.rankMissing" })
    .int({ error: "mentorship:mentors.errors.rankMissing" })
    .min(1, { error: "mentorship:mentors.errors.rankMissing" })
    .max(3, { error: "mentorship:mentors.errors.rankMissing" }),
});

/** The note on a mentor's profile. */
export const MentorNoteSchema = z.object({
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(MAX_NOTE, { error: "mentorship:mentors.errors.noteTooLong" })
    .default(""),
});

/** A mentor's answer to a request; the note goes to the mentee with a decline. */
export const RequestAnswerSchema = z.object({
  requestId: z
    .string({ error: "mentorship:requests.errors.requestMissing" })
    .trim()
    .min(1, { error: "mentorship:requests.errors.requestMissing" })
    .max(100),
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(MAX_NOTE, { error: "mentorship:mentors.errors.noteTooLong" })
    .default(""),
});
