/**
 * The opportunities' forms, one zod schema each, used on the client and the server through conform.
 * What a schema cannot know (which competencies the ladder has, whether a level range is in order
 * on it, who expressed interest) the service checks before it writes.
 */
import { z } from "zod";
import { Day } from "~/modules/days";
import { OPPORTUNITY_KINDS } from "./policy";
import { refuseEscapingText } from "~/utils/free-text";

export const TITLE_LIMIT = 120;
export const DESCRIPTION_LIMIT = 2000;
export const NOTE_LIMIT = 1000;
export const REASON_LIMIT = 2000;
export const MAX_HOURS_PER_WEEK = 40;

const text = (missing: string, limit: number) =>
  z
    .string({ error: missing })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: missing })
    .max(limit, { error: "opportunities:errors.tooLong" });

const ids = (missing: string) =>
  z.array(z.string().min(1).max(100), { error: missing }).min(1, { error: missing }).max(20);

export const PostOpportunitySchema = z.object({
  kind: z.enum(OPPORTUNITY_KINDS, { error: "opportunities:errors.kind" }),
  title: text("opportunities:errors.titleMissing", TITLE_LIMIT),
  description: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(DESCRIPTION_LIMIT, { error: "opportunities:errors.tooLong" })
    .default(""),
  ladderId: z
    .string({ error: "opportunities:errors.ladder" })
    .min(1, { error: "opportunities:errors.ladder" })
    .max(100),
  competencyIds: ids("opportunities:errors.competenciesMissing"),
  minLevel: z.string().max(100).optional(),
  maxLevel: z.string().max(100).optional(),
  hoursPerWeek: z.coerce
    .number({ error: "opportunities:errors.hours" })
    .int({ error: "opportunities:errors.hours" })
    .min(1, { error: "opportunities:errors.hours" })
    .max(MAX_HOURS_PER_WEEK, { error: "opportunities:errors.hours" }),
  startsOn: Day,
  endsOn: Day,
});
export type PostOpportunityInput = z.output<typeof PostOpportunitySchema>;

export const InterestSchema = z.object({
  note: text("opportunities:errors.noteMissing", NOTE_LIMIT),
});

export const ChooseSchema = z.object({
  personId: z
    .string({ error: "opportunities:errors.personMissing" })
    .min(1, { error: "opportunities:errors.personMissing" })
    .max(100),
  criteriaIds: ids("opportunities:errors.criteriaMissing"),
  reason: text("opportunities:errors.reasonMissing", REASON_LIMIT),
});
export type ChooseInput = z.output<typeof ChooseSchema>;
