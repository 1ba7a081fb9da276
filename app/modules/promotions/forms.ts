/**
 * The promotions forms, one zod schema each, used on the client and the server through conform.
 * Facts a schema cannot know (a ladder that is served, a person who exists, a level above the
 * nominee's) are checked by the module that writes. Errors are message keys, worded where shown.
 */
import { z } from "zod";
import { Day } from "~/modules/days";
import { nameField } from "~/utils/name-text";
import { PROMOTION_MODES } from "./policy";
import { refuseEscapingText } from "~/utils/free-text";

const wholeNumber = (missing: string, min: number, max: number) =>
  z.coerce
    .number({ error: missing })
    .int({ error: "promotions:errors.wholeNumber" })
    .min(min, { error: `promotions:errors.numberRange|{"min":${min},"max":${max}}` })
    .max(max, { error: `promotions:errors.numberRange|{"min":${min},"max":${max}}` });

export const SettingsSchema = z.object({
  /** Empty for the organisation's settings, else a ladder's id. */
  scope: z.string().trim().max(100).default(""),
  mode: z.enum(PROMOTION_MODES, { error: "promotions:errors.modeMissing" }),
  selfNomination: z.boolean().default(false),
  sponsorNomination: z.boolean().default(false),
  minMembers: wholeNumber("promotions:errors.minMembersMissing", 1, 20),
  membersAtOrAbove: z.boolean().default(false),
  minOutsideMembers: wholeNumber("promotions:errors.minOutsideMissing", 0, 10),
  redactedFirstRead: z.boolean().default(false),
  waitWindowsAfterNotYet: wholeNumber("promotions:errors.waitMissing", 0, 4),
});
export type SettingsInput = z.output<typeof SettingsSchema>;

export const WindowSchema = z
  .object({
    name: nameField("promotions:errors.nameMissing", 120, "promotions:errors.nameTooLong"),
    ladderId: z
      .string({ error: "promotions:errors.ladderMissing" })
      .trim()
      .min(1, { error: "promotions:errors.ladderMissing" })
      .max(100),
    nominationsOpenOn: Day,
    nominationsCloseOn: Day,
    packetsDueOn: Day,
    votesDueOn: Day,
    effectiveOn: Day,
  })
  .superRefine((value, context) => {
    const order: [keyof typeof value, keyof typeof value][] = [
      ["nominationsOpenOn", "nominationsCloseOn"],
      ["nominationsCloseOn", "packetsDueOn"],
      ["packetsDueOn", "votesDueOn"],
      ["votesDueOn", "effectiveOn"],
    ];
    for (const [before, after] of order) {
      if (value[after] < value[before])
        context.addIssue({
          code: "custom",
          path: [after],
          message: `promotions:errors.dateBefore.${after}`,
        });
    }
  });
export type WindowInput = z.output<typeof WindowSchema>;

const statement = (missing: string) =>
  z
    .string({ error: missing })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: missing })
    .max(4000, { error: "promotions:errors.textTooLong" });

export const NominationSchema = z.object({
  windowId: z
    .string({ error: "promotions:errors.windowMissing" })
    .min(1, { error: "promotions:errors.windowMissing" })
    .max(100),
  /** Empty: the person nominates themselves. */
  nomineeEmail: z.string().trim().max(320).default(""),
  targetLevelId: z
    .string({ error: "promotions:errors.targetMissing" })
    .trim()
    .min(1, { error: "promotions:errors.targetMissing" })
    .max(100),
  statement: statement("promotions:errors.statementMissing"),
});
export type NominationInput = z.output<typeof NominationSchema>;

export const ManagerAdditionSchema = z.object({
  addition: statement("promotions:errors.additionMissing"),
});

export const MAX_EVIDENCE_PER_CASE = 12;

export const CaseSchema = z.object({
  competencyId: z.string().trim().min(1).max(100),
  text: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(2000, { error: "promotions:errors.caseTooLong" })
    .default(""),
  /** The chosen evidence as "kind:id" references (evidence.ts). */
  evidence: z
    .array(z.string().max(200))
    .max(MAX_EVIDENCE_PER_CASE, { error: "promotions:errors.tooMuchEvidence" })
    .default([]),
  revision: z.coerce.number().int().min(0),
});
export type CaseInput = z.output<typeof CaseSchema>;

export const AmendmentSchema = z.object({
  reason: statement("promotions:errors.amendmentReasonMissing"),
});
