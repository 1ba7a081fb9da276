import { z } from "zod";
import { Day } from "~/modules/days";
import { nameField, refuseForbiddenCharacters } from "~/utils/name-text";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";

/** Emails one per line, or separated by commas or semicolons: lower-cased, each once. */
const emailList = (max: number, tooLong: string) =>
  z
    .string()
    .max(max, { error: tooLong })
    .optional()
    .transform((value) => [...new Set((value ?? "").split(/[\s,;]+/).map((email) => email.trim().toLowerCase()).filter(Boolean))]);

/** The set-up form of a calibration session, as an admin fills it in. */
export const NewSessionSchema = z.object({
  name: nameField("Name the session.", 120, "Keep the name under 120 characters."),
  cycleId: z.string({ error: "Choose a review cycle." }).trim().min(1, { error: "Choose a review cycle." }),
  ladderId: z.string({ error: "Choose a ladder." }).trim().min(1, { error: "Choose a ladder." }),
  facilitatorEmail: z.string({ error: "Give the facilitator's email." }).trim().toLowerCase().min(1, { error: "Give the facilitator's email." }).max(254),
  population: z.enum(["cycle", "teams", "manager", "people"], { error: "Choose who is calibrated." }),
  teamIds: z.array(z.string()).default([]),
  managerEmail: z.string().trim().toLowerCase().max(254).optional(),
  /** For a list of people: their emails, one per line (or separated by commas). */
  peopleEmails: emailList(100_000, "That list is too long; choose teams or a manager's organisation instead."),
  /** Calibrators besides the population's managers (a peer manager, an HR partner): emails, one per line or separated by commas. */
  calibratorEmails: emailList(20_000, "That list is too long."),
  /** Empty for the ladder's own scale, else one of its calibration scales. */
  scaleId: z.string().trim().max(100).optional().transform((value) => value || null),
  /** What the 9-box's second axis is called (for example Potential); empty when the session does not collect one. */
  secondDimension: z.string().superRefine(refuseForbiddenCharacters).trim().max(40, { error: "Keep the name under 40 characters." }).optional().transform((value) => value || null),
  groupFloor: z.coerce
    .number({ error: "Give the smallest group whose average is shown." })
    .int({ error: "Give a whole number." })
    .min(SMALL_GROUP_FLOOR, { error: `A session may raise the organisation's floor of ${SMALL_GROUP_FLOOR}, not lower it.` })
    .max(50, { error: "The floor is at most 50." })
    .default(SMALL_GROUP_FLOOR),
  blindPreRead: z.boolean().default(false),
  /** The day managers' proposals are due (YYYY-MM-DD); empty for none. */
  proposalsDueOn: z.preprocess((value) => (value === "" ? undefined : value), Day.optional()).transform((value) => value ?? null),
});
type Parsed = z.output<typeof NewSessionSchema>;
/** A session's set-up as the module takes it: the form's fields, the optional ones may be left out. */
export type NewSessionInput = Omit<Parsed, "peopleEmails" | "calibratorEmails" | "scaleId" | "secondDimension" | "groupFloor" | "proposalsDueOn"> &
  Partial<Pick<Parsed, "peopleEmails" | "calibratorEmails" | "scaleId" | "secondDimension" | "groupFloor" | "proposalsDueOn">>;

