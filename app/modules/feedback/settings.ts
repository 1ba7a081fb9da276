/**
 * A review cycle's feedback settings: whether peers and reports are asked, who chooses the peers,
 * how many, by when, on which competencies, and who reads the authors' names. One zod schema,
 * used by the admin's form (through conform) and by the server that stores it. Pure.
 */
import { z } from "zod";
import { dateToDay, Day } from "~/modules/days";

export const NOMINATORS = ["person", "manager"] as const;
export type Nominator = (typeof NOMINATORS)[number];

export const COMPETENCY_CHOICES = ["level", "manager-picks"] as const;
export type CompetencyChoice = (typeof COMPETENCY_CHOICES)[number];

export const ANSWER_KINDS = ["rating", "evidence"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Who besides the manager reads authors' names. The manager always does; upward feedback never names anyone. */
export const NAMES_SHOWN = ["never", "after-release"] as const;
export type NamesShown = (typeof NAMES_SHOWN)[number];

export const MAX_PEERS = 12;
export const MAX_REVIEW_CAP = 30;

/** A count of at least one, with its field's messages (keys, worded where the form shows them). */
const whole = (field: "minPeers" | "maxPeers" | "reviewCap", max: number) =>
  z.coerce
    .number({ error: `feedback:settings.errors.${field}Required` })
    .int({ error: "feedback:settings.errors.wholeNumber" })
    .min(1, { error: `feedback:settings.errors.${field}Low` })
    .max(max, { error: `feedback:settings.errors.${field}High` });

export const FeedbackSettingsSchema = z
  .object({
    peer: z.boolean().default(false),
    upward: z.boolean().default(false),
    minPeers: whole("minPeers", MAX_PEERS).default(3),
    maxPeers: whole("maxPeers", MAX_PEERS).default(5),
    nominator: z
      .enum(NOMINATORS, { error: "feedback:settings.errors.nominator" })
      .default("person"),
    dueOn: Day,
    competencies: z
      .enum(COMPETENCY_CHOICES, { error: "feedback:settings.errors.competencies" })
      .default("level"),
    answerKind: z
      .enum(ANSWER_KINDS, { error: "feedback:settings.errors.answerKind" })
      .default("rating"),
    namesShown: z
      .enum(NAMES_SHOWN, { error: "feedback:settings.errors.namesShown" })
      .default("never"),
    /** The most peer requests one person is asked to answer in the cycle (their one upward answer is not counted). */
    reviewCap: whole("reviewCap", MAX_REVIEW_CAP).default(5),
  })
  .superRefine((value, context) => {
    if (value.maxPeers < value.minPeers)
      context.addIssue({
        code: "custom",
        path: ["maxPeers"],
        message: "feedback:settings.errors.maxBelowMin",
      });
  });

export type FeedbackSettings = z.output<typeof FeedbackSettingsSchema>;

/**
 * The anonymity floor applies to what the person reads when authors are hidden from them. When the
 * settings show names after release, authors are told so on the answer form.
 */
export function personSeesNames(settings: Pick<FeedbackSettings, "namesShown">): boolean {
  return settings.namesShown === "after-release";
}

/** What the settings form starts from in a cycle with none: nothing asked yet, answers due on the cycle's last day. */
export function feedbackDefaults(cycleEndsOn: Date): FeedbackSettings {
  return FeedbackSettingsSchema.parse({ dueOn: dateToDay(cycleEndsOn) });
}

/** The settings as the form's fields hold them (numbers as text). */
export function feedbackFormValues(settings: FeedbackSettings) {
  return {
    ...settings,
    minPeers: String(settings.minPeers),
    maxPeers: String(settings.maxPeers),
    reviewCap: String(settings.reviewCap),
  };
}

/**
 * The competencies a person's feedback asks about, in the ladder's order: every one at their level,
 * or, when the cycle has managers pick, those their manager picked (every one until they pick).
 * Picks no longer at the person's level are dropped.
 */
export function askedCompetencies(
  levelCompetencyIds: readonly string[],
  choice: CompetencyChoice,
  picked: readonly string[] | null,
): string[] {
  if (choice === "level" || picked === null) return [...levelCompetencyIds];
  const chosen = new Set(picked);
  return levelCompetencyIds.filter((id) => chosen.has(id));
}

/** What is wrong with a manager's pick (a key of the feedback namespace), or null: at least one, each at the person's level. */
export function pickProblem(
  picked: readonly string[],
  levelCompetencyIds: readonly string[],
): string | null {
  if (!picked.length) return "feedback:errors.pickOne";
  const known = new Set(levelCompetencyIds);
  return picked.every((id) => known.has(id)) ? null : "feedback:errors.pickFromLevel";
}
