import { z } from "zod";
import { nameField } from "~/utils/name-text";
import { readLevelSince } from "./level-since";

/**
 * The one schema for adding and editing a person, used in the browser (conform) and
 * on the server. Checks that need the database (unique email, manager exists, no
 * reporting cycle, valid track and level) are in service.server.ts.
 */
export const PersonSchema = z.object({
  name: nameField("Enter a name.", 200, "A name can be at most 200 characters."),
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address.").max(254, "An email address can be at most 254 characters.")),
  teamId: z.string().optional(),
  managerEmail: z.string().trim().toLowerCase().pipe(z.email("Enter the manager's email address, or leave it empty.")).optional(),
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
      if (!reading.ok) context.addIssue({ code: "custom", message: `${reading.message.charAt(0).toUpperCase()}${reading.message.slice(1)}.` });
    }),
  isAdmin: z.boolean().optional(),
  isHiringAdmin: z.boolean().optional(),
});

export type PersonFormValue = z.infer<typeof PersonSchema>;
export type PersonField = keyof PersonFormValue;

export const TeamNameSchema = nameField("Enter a team name.", 100, "A team name can be at most 100 characters.");

export const PASSWORD_MIN_LENGTH = 12;

export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: "Choose a password." })
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(256, "Use at most 256 characters."),
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "The two passwords do not match." });
