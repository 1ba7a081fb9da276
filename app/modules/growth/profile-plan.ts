/** The growth plan form, validated alike in the browser and on the server. */
import { z } from "zod";
import { messageText, type Message } from "~/i18n/messages";

export const MAX_FOCUS = 3;

export const GrowthPlanSchema = z.object({
  target: z
    .string({ error: "growth:plan.errors.targetRequired" })
    .trim()
    .min(1, "growth:plan.errors.targetRequired"),
  focus: z
    .array(z.string().trim().min(1), { error: "growth:plan.errors.focusRequired" })
    .min(1, "growth:plan.errors.focusRequired")
    .max(
      MAX_FOCUS,
      messageText({ key: "growth:plan.errors.tooManyFocus", values: { max: MAX_FOCUS } }),
    ),
});

/** A plan's target or focus as its page names it: in its version's words, marked when the ladder served now no longer has it. */
export function planItemName(item: { name: string; earlier: boolean }): string | Message {
  return item.earlier ? { key: "growth:plan.earlier", values: { name: item.name } } : item.name;
}
