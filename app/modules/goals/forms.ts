/**
 * The goals' forms, one zod schema each, used on the client and the server through conform. What a
 * schema cannot know (who a person named by email is, whether an objective above is in the same
 * period, whether a start and target agree with the direction) the service checks before it writes.
 */
import { z } from "zod";
import { Day } from "~/modules/days";
import { OBJECTIVE_LEVELS } from "./policy";
import { COMMITMENTS, CONFIDENCES, DIRECTIONS, KEY_RESULT_KINDS } from "./progress";
import { refuseEscapingText } from "~/utils/free-text";

export const TITLE_LIMIT = 200;
export const WHY_LIMIT = 1000;
export const NOTE_LIMIT = 500;
export const REFLECTION_LIMIT = 1000;
export const UNIT_LIMIT = 30;

const text = (missing: string, limit: number) =>
  z
    .string({ error: missing })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: missing })
    .max(limit, { error: "goals:errors.tooLong" });

const optionalText = (limit: number) =>
  z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(limit, { error: "goals:errors.tooLong" })
    .default("");

const number = (error: string) =>
  z.coerce
    .number({ error })
    .refine((value) => Number.isFinite(value) && Math.abs(value) < 1e12, { error });

const optionalId = z
  .string()
  .max(100)
  .optional()
  .transform((value) => value || null);

export const PeriodSchema = z.object({
  name: text("goals:errors.periodName", 80),
  startsOn: Day,
  endsOn: Day,
});
export type PeriodInput = z.output<typeof PeriodSchema>;

export const ObjectiveSchema = z.object({
  periodId: z
    .string({ error: "goals:errors.period" })
    .min(1, { error: "goals:errors.period" })
    .max(100),
  level: z.enum(OBJECTIVE_LEVELS, { error: "goals:errors.level" }),
  teamId: optionalId,
  title: text("goals:errors.titleMissing", TITLE_LIMIT),
  why: optionalText(WHY_LIMIT),
  commitment: z.enum(COMMITMENTS, { error: "goals:errors.commitment" }),
  parentId: optionalId,
  ownerEmail: z.string().trim().max(200).optional(),
});
export type ObjectiveInput = z.output<typeof ObjectiveSchema>;

export const KeyResultSchema = z.object({
  title: text("goals:errors.titleMissing", TITLE_LIMIT),
  kind: z.enum(KEY_RESULT_KINDS, { error: "goals:errors.kind" }),
  unit: optionalText(UNIT_LIMIT),
  direction: z.enum(DIRECTIONS, { error: "goals:errors.direction" }).default("increase"),
  startValue: number("goals:errors.number").default(0),
  targetValue: number("goals:errors.number").default(1),
  ownerEmail: z.string().trim().max(200).optional(),
  contributorEmails: z.string().trim().max(2000).optional(),
});
export type KeyResultInput = z.output<typeof KeyResultSchema>;

export const CheckInSchema = z.object({
  value: number("goals:errors.number"),
  confidence: z.enum(CONFIDENCES, { error: "goals:errors.confidence" }),
  note: optionalText(NOTE_LIMIT),
});
export type CheckInInput = z.output<typeof CheckInSchema>;

export const ShareSchema = z.object({
  email: text("goals:errors.personUnknown", 200),
});

export const ReflectionSchema = z.object({
  reflection: text("goals:errors.reflectionMissing", REFLECTION_LIMIT),
});

export const CarrySchema = z.object({
  periodId: z
    .string({ error: "goals:errors.period" })
    .min(1, { error: "goals:errors.period" })
    .max(100),
});

/** Emails in a list typed by hand: commas, semicolons, spaces or lines between them. */
export function emailsIn(list: string | undefined): string[] {
  return [
    ...new Set(
      (list ?? "")
        .split(/[\s,;]+/)
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
