/** The growth plan form, validated alike in the browser and on the server. */
import { z } from "zod";

export const MAX_FOCUS = 3;

export const GrowthPlanSchema = z.object({
  target: z.string({ error: "growth:plan.errors.targetRequired" }).trim().min(1, "growth:plan.errors.targetRequired"),
  focus: z
    .array(z.string().trim().min(1), { error: "growth:plan.errors.focusRequired" })
    .min(1, "growth:plan.errors.focusRequired")
    .max(MAX_FOCUS, `Choose at most ${MAX_FOCUS} focus competencies.`),
});
