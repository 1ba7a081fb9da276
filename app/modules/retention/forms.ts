import { z } from "zod";
import { OTHERS_TEXTS, RULE_LIMITS, type RuleKind } from "./policy";

/** A period field: empty keeps the records until removed by hand. */
function period(kind: RuleKind) {
  const { min, max } = RULE_LIMITS[kind];
  return z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "retention:errors.notANumber" })
      .int({ error: "retention:errors.whole" })
      .min(min, { error: "retention:errors.atLeastOne" })
      .max(max, {
        error: max === 20 ? "retention:errors.atMostCycles" : "retention:errors.atMostMonths",
      })
      .nullable(),
  );
}

export const RulesSchema = z.object({
  privateNotes: period("private-notes"),
  feedbackTexts: period("feedback-texts"),
  leavers: period("leavers"),
  teamHealthAnswers: period("team-health-answers"),
  othersTexts: z.enum(OTHERS_TEXTS, { error: "retention:errors.othersTexts" }),
  /** Rejected candidates, in days, stored with hiring's settings (one rule, one store). */
  candidateDays: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "retention:errors.notANumber" })
      .int({ error: "retention:errors.whole" })
      .min(1, { error: "retention:errors.atLeastOne" })
      .max(3650, { error: "retention:errors.atMostDays" })
      .nullable(),
  ),
});
export type RulesInput = z.output<typeof RulesSchema>;

export const HoldSchema = z.object({
  email: z
    .string({ error: "retention:errors.emailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "retention:errors.emailMissing" })
    .max(254, { error: "retention:errors.emailMissing" }),
});

export const ClearHoldSchema = z.object({
  personId: z
    .string({ error: "retention:errors.holdMissing" })
    .trim()
    .min(1, { error: "retention:errors.holdMissing" })
    .max(100, { error: "retention:errors.holdMissing" }),
});

export const EraseSchema = z.object({
  email: z
    .string({ error: "retention:errors.emailMissing" })
    .trim()
    .toLowerCase()
    .min(1, { error: "retention:errors.emailMissing" })
    .max(254, { error: "retention:errors.emailMissing" }),
  confirm: z.literal("erase", { error: "retention:errors.confirmErase" }),
});
