import { z } from "zod";
import { messageText, wordsOf, type Message } from "~/i18n/messages";
import { nameField } from "~/utils/name-text";
import { readLevelSince, type LevelSinceProblem } from "./level-since";

/** The form's words for what is wrong with a level-since day (the field shows the day typed, so the message need not repeat it). */
const LEVEL_SINCE_ERRORS: Record<LevelSinceProblem, string> = {
  format: "people:form.errors.levelSinceFormat",
  notADay: "people:form.errors.levelSinceNotADay",
  before1970: "people:form.errors.levelSinceBefore1970",
  future: "people:form.errors.levelSinceFuture",
};

/**
 * The one schema for adding and editing a person, used in the browser (conform) and
 * on the server. Checks that need the database (unique email, manager exists, no
 * reporting cycle, valid track and level) are in service.server.ts. Its messages are keys,
 * worded where the errors are shown (app/components/ui/field.tsx).
 */
export const PersonSchema = z.object({
  name: nameField("people:form.errors.nameRequired", 200, "people:form.errors.nameTooLong"),
  email: z
    .string({ error: "people:form.errors.emailRequired" })
    .trim()
    .toLowerCase()
    .pipe(z.email("people:form.errors.emailInvalid").max(254, "people:form.errors.emailTooLong")),
  teamId: z.string().optional(),
  managerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("people:form.errors.managerEmailInvalid"))
    .optional(),
  /** A served ladder's id; needed only when the track and level would fit several ladders. */
  ladder: z.string().optional(),
  track: z.string().optional(),
  level: z.string().optional(),
  /** One of the level's sub-levels, when it has them. */
  sublevel: z.string().optional(),
  /** The day they reached their level, when before Rungs recorded it (YYYY-MM-DD); empty when unknown. */
  levelSince: z
    .string()
    .optional()
    .superRefine((value, context) => {
      const reading = readLevelSince(value ?? "", new Date());
      if (!reading.ok)
        context.addIssue({ code: "custom", message: LEVEL_SINCE_ERRORS[reading.problem] });
    }),
  isAdmin: z.boolean().optional(),
  isHiringAdmin: z.boolean().optional(),
});

export type PersonFormValue = z.infer<typeof PersonSchema>;
export type PersonField = keyof PersonFormValue;

/**
 * The refusals of the checks that need the database, worded in the request's language before they
 * join the form's reply: the form's own errors are bare keys, which cannot carry a name or an email.
 */
export function wordedFieldErrors(
  t: Parameters<typeof wordsOf>[0],
  fieldErrors: Partial<Record<PersonField, (string | Message)[]>>,
): Partial<Record<PersonField, string[]>> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, errors]) => [
      field,
      errors.map((error) => wordsOf(t, error)),
    ]),
  );
}

export const TeamNameSchema = nameField(
  "people:teams.errors.nameRequired",
  100,
  "people:teams.errors.nameTooLong",
);

export const PASSWORD_MIN_LENGTH = 12;
/** A password shorter than that: the form's error, its number in the message's values. */
export const passwordTooShort = messageText({
  key: "people:passwordFields.errors.tooShort",
  values: { min: PASSWORD_MIN_LENGTH },
});

export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: "people:passwordFields.errors.required" })
      .min(PASSWORD_MIN_LENGTH, passwordTooShort)
      .max(256, "people:passwordFields.errors.tooLong"),
    confirm: z.string({ error: "people:passwordFields.errors.againRequired" }),
  })
  .refine((value) => value.password === value.confirm, {
    path: ["confirm"],
    message: "people:passwordFields.errors.mismatch",
  });
