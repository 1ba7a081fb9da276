import { z } from "zod";
import { optionalDateTimeField, perTimeZone } from "~/modules/time-zones";
import { refuseEscapingText } from "~/utils/free-text";
import { nameField } from "~/utils/name-text";
import { isPanelDimension, TRAINING_STEPS } from "./panels";
import { PIPELINE_STAGES, REJECTION_REASONS } from "./pipeline";
import { NOTES_MAX } from "./scorecard";

/** The hiring forms, one zod schema each, used in the browser (conform) and on the server. */

const emailList = z
  .string()
  .max(5_000, { error: "hiring:newOpening.errors.listTooLong" })
  .optional()
  .transform((value) => [
    ...new Set(
      (value ?? "")
        .split(/[\s,;]+/)
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]);

const requiredText = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: tooLong });

/** Required text someone writes (a decision's rationale, a dissent): the free-text rule too (decision 107). */
const requiredFreeText = (message: string, max: number, tooLong: string) =>
  z
    .string({ error: message })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: message })
    .max(max, { error: tooLong });

export const NewOpeningSchema = z.object({
  title: nameField(
    "hiring:newOpening.errors.titleMissing",
    120,
    "hiring:newOpening.errors.titleTooLong",
  ),
  ladderId: requiredText(
    "hiring:newOpening.errors.ladderMissing",
    100,
    "hiring:newOpening.errors.ladderMissing",
  ),
  levelId: requiredText(
    "hiring:newOpening.errors.levelMissing",
    100,
    "hiring:newOpening.errors.levelMissing",
  ),
  /** Other hiring admins of the opening besides its creator: emails. */
  adminEmails: emailList,
  /** Start the plan with the usual three stages (coding, system design, collaboration) drawn from the level's competencies. */
  starterPlan: z.boolean().default(false),
});
export type NewOpeningInput = z.output<typeof NewOpeningSchema>;

export const StageSchema = z.object({
  stageId: z.string().trim().max(100).optional(),
  name: nameField("hiring:stage.errors.nameMissing", 80, "hiring:stage.errors.nameTooLong"),
  competencyIds: z.array(z.string().trim().max(100)).max(100).default([]),
});
export type StageInput = z.output<typeof StageSchema>;

export const AddAdminSchema = z.object({
  email: z
    .string({ error: "hiring:opening.errors.adminEmailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "hiring:opening.errors.adminEmailMissing" })
    .max(254),
});

export const CandidateSchema = z.object({
  name: nameField("hiring:opening.errors.nameMissing", 120, "hiring:opening.errors.nameTooLong"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "hiring:opening.errors.emailTooLong" })
    .optional()
    .transform((value) => value ?? "")
    .refine((value) => value === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      error: "hiring:opening.errors.emailInvalid",
    }),
  source: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(120, { error: "hiring:opening.errors.sourceTooLong" })
    .optional()
    .transform((value) => value ?? ""),
  notes: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(NOTES_MAX, { error: "hiring:opening.errors.notesTooLong" })
    .optional()
    .transform((value) => value ?? ""),
});
export type CandidateInput = z.output<typeof CandidateSchema>;

/** Assigning an interviewer; the interview's time, empty when not scheduled yet, is read on `timeZone`'s clock. */
export const assignSchema = perTimeZone((timeZone) =>
  z.object({
    stageId: requiredText(
      "hiring:loop.errors.stageMissing",
      100,
      "hiring:loop.errors.stageMissing",
    ),
    email: z
      .string({ error: "hiring:loop.errors.interviewerEmailMissing" })
      .trim()
      .toLowerCase()
      .min(1, { error: "hiring:loop.errors.interviewerEmailMissing" })
      .max(254),
    scheduledAt: optionalDateTimeField(timeZone, "hiring:loop.errors.dateTimeInvalid"),
  }),
);
export type AssignInput = z.output<ReturnType<typeof assignSchema>>;

export const DECISIONS = ["hire", "no-hire", "hire-other-level"] as const;
export type Decision = (typeof DECISIONS)[number];
/** The decisions' words in the messages (hiring's `decision`), for the pages in several languages. */
export const DECISION_KEYS = {
  hire: "decision.hire",
  "no-hire": "decision.noHire",
  "hire-other-level": "decision.hireOtherLevel",
} as const satisfies Record<Decision, string>;

export const DecisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: "hiring:debrief.errors.decisionMissing" }),
    levelId: z.string().trim().max(100).optional(),
    rationale: requiredFreeText(
      "hiring:debrief.errors.rationaleMissing",
      NOTES_MAX,
      "hiring:debrief.errors.rationaleTooLong",
    ),
  })
  .superRefine((value, context) => {
    if (value.decision === "hire-other-level" && !value.levelId)
      context.addIssue({
        code: "custom",
        path: ["levelId"],
        message: "hiring:debrief.errors.levelMissing",
      });
  });
export type DecisionInput = z.output<typeof DecisionSchema>;

export const DissentSchema = z.object({
  text: requiredFreeText(
    "hiring:debrief.errors.dissentMissing",
    NOTES_MAX,
    "hiring:debrief.errors.dissentTooLong",
  ),
});

export const LinkHireSchema = z.object({
  email: z
    .string({ error: "hiring:loop.errors.hireEmailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "hiring:loop.errors.hireEmailMissing" })
    .max(254),
});

export const RetentionSchema = z.object({
  /** Empty: rejected candidates are kept until a hiring admin purges them. */
  retentionDays: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "hiring:settings.errors.notANumber" })
      .int({ error: "hiring:settings.errors.whole" })
      .min(1, { error: "hiring:settings.errors.atLeastOne" })
      .max(3650, { error: "hiring:settings.errors.atMost" })
      .nullable(),
  ),
});

/** Moving a candidate through the pipeline: where to, and for a rejection its reason; a note for "other" and for a hire without an offer (pipeline.ts checks which). */
export const MoveCandidateSchema = z.object({
  candidateId: requiredText(
    "hiring:pipeline.errors.candidateMissing",
    100,
    "hiring:pipeline.errors.candidateMissing",
  ),
  to: z.enum(PIPELINE_STAGES, { error: "hiring:pipeline.errors.stageMissing" }),
  reason: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(REJECTION_REASONS, { error: "hiring:pipeline.errors.reasonUnknown" }).optional(),
  ),
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(2_000, { error: "hiring:pipeline.errors.noteTooLong" })
    .optional()
    .transform((value) => value ?? ""),
});

/** The panel rule (admins): the dimensions a panel should mix, the weekly cap (empty for none), and whether only qualified interviewers score. */
export const PanelRuleSchema = z.object({
  dimensions: z
    .array(
      z
        .string()
        .trim()
        .max(120)
        .refine(isPanelDimension, { error: "panels:errors.unknownDimension" }),
    )
    .max(20)
    .default([]),
  maxInterviewsPerWeek: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "panels:errors.capNotANumber" })
      .int({ error: "panels:errors.capWhole" })
      .min(1, { error: "panels:errors.capRange" })
      .max(40, { error: "panels:errors.capRange" })
      .nullable(),
  ),
  requireQualification: z.boolean().default(false),
});

/** Putting someone on the training path for competencies at a step. */
export const TrainingStepSchema = z.object({
  email: z
    .string({ error: "panels:errors.emailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "panels:errors.emailMissing" })
    .max(254),
  competencyIds: z
    .array(z.string().trim().max(100))
    .min(1, { error: "panels:errors.competencyMissing" })
    .max(100),
  step: z.enum(TRAINING_STEPS, { error: "panels:errors.stepMissing" }),
});

export const SeatSchema = z.object({
  interviewId: requiredText(
    "panels:errors.interviewMissing",
    100,
    "panels:errors.interviewMissing",
  ),
  personId: requiredText("panels:errors.traineeMissing", 100, "panels:errors.traineeMissing"),
});

export const PracticeNotesSchema = z.object({
  practiceNotes: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(NOTES_MAX, { error: "panels:errors.notesTooLong" })
    .optional()
    .transform((value) => value ?? ""),
});

export const SignOffSchema = z.object({
  outcome: z.enum(["advance", "not-yet"], { error: "panels:errors.outcomeMissing" }),
});
