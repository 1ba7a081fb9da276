/** The growth plan form, validated alike in the browser and on the server. */
import { z } from "zod";

export const MAX_FOCUS = 3;

export const GrowthPlanSchema = z.object({
  target: z.string({ error: "Choose a target level." }).trim().min(1, "Choose a target level."),
  focus: z
    .array(z.string().trim().min(1), { error: "Choose at least one focus competency." })
    .min(1, "Choose at least one focus competency.")
    .max(MAX_FOCUS, `Choose at most ${MAX_FOCUS} focus competencies.`),
});
