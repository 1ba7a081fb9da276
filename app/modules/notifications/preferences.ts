import { z } from "zod";
import { TimeZoneChoice } from "~/modules/time-zones";

/**
 * Each person's choice of email reminders: how often the digest comes, which nudges,
 * or nothing at all for a while. A person with no stored choice has the defaults.
 */

export const DIGEST_FREQUENCIES = ["weekly", "daily", "never"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** The nudges, each a message about one to-do item. */
export const NUDGE_KINDS = [
  "nudge-new",
  "nudge-due-soon",
  "nudge-overdue",
  "nudge-scorecard",
] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Every kind of message, each of which a person can turn off on its own (one-click unsubscribe names one). */
export const MESSAGE_KINDS = ["digest", ...NUDGE_KINDS, "invitation"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}

export const KIND_LABELS: Record<MessageKind, string> = {
  digest: "the digest of your to-do list",
  "nudge-new": "a new item on your to-do list",
  "nudge-due-soon": "an item due in two days",
  "nudge-overdue": "an item past its due date",
  "nudge-scorecard": "a scorecard still owed a day after its interview",
  invitation: "calendar invitations for your interviews and calibration meetings",
};

export type Preferences = {
  digest: DigestFrequency;
  nudgeNew: boolean;
  nudgeDueSoon: boolean;
  nudgeOverdue: boolean;
  nudgeScorecard: boolean;
  invitations: boolean;
  paused: boolean;
};

export const DEFAULT_PREFERENCES: Preferences = {
  digest: "weekly",
  nudgeNew: true,
  nudgeDueSoon: true,
  nudgeOverdue: true,
  nudgeScorecard: true,
  invitations: true,
  paused: false,
};

const NUDGE_FIELDS: Record<
  NudgeKind,
  "nudgeNew" | "nudgeDueSoon" | "nudgeOverdue" | "nudgeScorecard"
> = {
  "nudge-new": "nudgeNew",
  "nudge-due-soon": "nudgeDueSoon",
  "nudge-overdue": "nudgeOverdue",
  "nudge-scorecard": "nudgeScorecard",
};

/** Whether the person wants messages of this kind now. */
export function wants(preferences: Preferences, kind: MessageKind): boolean {
  if (preferences.paused) return false;
  if (kind === "digest") return preferences.digest !== "never";
  if (kind === "invitation") return preferences.invitations;
  return preferences[NUDGE_FIELDS[kind]];
}

/** The change one-click unsubscribe makes: that kind off, nothing else. */
export function withoutKind(kind: MessageKind): Partial<Preferences> {
  if (kind === "digest") return { digest: "never" };
  if (kind === "invitation") return { invitations: false };
  return { [NUDGE_FIELDS[kind]]: false };
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** The settings form: checkboxes arrive as "on" or not at all; an empty time zone means the organisation's. */
export const preferencesFormSchema = z.object({
  // A key, worded where the error is shown: the schema checks in the browser too.
  digest: z.enum(DIGEST_FREQUENCIES, { error: "auth:emailSettings.errors.digest" }),
  nudgeNew: checkbox,
  nudgeDueSoon: checkbox,
  nudgeOverdue: checkbox,
  nudgeScorecard: checkbox,
  invitations: checkbox,
  paused: checkbox,
  timeZone: TimeZoneChoice,
});
