/** Sponsorship's forms, one zod schema each, on the client and the server through conform. */
import { z } from "zod";
import { Day } from "~/modules/days";
import { ADVOCACIES, MAX_CAP } from "./policy";
import { refuseEscapingText } from "~/utils/free-text";

export const NOTE_LIMIT = 1000;

export const SponsorshipSchema = z.object({
  sponseeEmail: z
    .string({ error: "sponsorship:errors.sponseeMissing" })
    .trim()
    .toLowerCase()
    .email({ error: "sponsorship:errors.sponseeMissing" })
    .max(320),
  advocacy: z.enum(ADVOCACIES, { error: "sponsorship:errors.advocacy" }),
  levelId: z.string().max(100).optional(),
  role: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(200, { error: "sponsorship:errors.tooLong" })
    .optional(),
  opportunityId: z.string().max(100).optional(),
  note: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(NOTE_LIMIT, { error: "sponsorship:errors.tooLong" })
    .default(""),
  until: Day,
});
export type SponsorshipInput = z.output<typeof SponsorshipSchema>;

export const DeclineSchema = z.object({
  reason: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(NOTE_LIMIT, { error: "sponsorship:errors.tooLong" })
    .default(""),
});

export const CapSchema = z.object({
  cap: z.coerce
    .number({ error: "sponsorship:errors.capRange" })
    .int({ error: "sponsorship:errors.capRange" })
    .min(1, { error: "sponsorship:errors.capRange" })
    .max(MAX_CAP, { error: "sponsorship:errors.capRange" }),
});
