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
    .transform((value) => [
      ...new Set(
        (value ?? "")
          .split(/[\s,;]+/)
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]);

/** The set-up form of a calibration session, as an admin fills it in. */
export const NewSessionSchema = z.object({
  name: nameField("calibration:errors.sessionName", 120, "calibration:errors.sessionNameTooLong"),
  cycleId: z
    .string({ error: "calibration:errors.chooseCycle" })
    .trim()
    .min(1, { error: "calibration:errors.chooseCycle" }),
  ladderId: z
    .string({ error: "calibration:errors.chooseLadder" })
    .trim()
    .min(1, { error: "calibration:errors.chooseLadder" }),
  facilitatorEmail: z
    .string({ error: "calibration:errors.facilitatorEmail" })
    .trim()
    .toLowerCase()
    .min(1, { error: "calibration:errors.facilitatorEmail" })
    .max(254),
  population: z.enum(["cycle", "teams", "manager", "people"], {
    error: "calibration:errors.choosePopulation",
  }),
  teamIds: z.array(z.string()).default([]),
  managerEmail: z.string().trim().toLowerCase().max(254).optional(),
  /** For a list of people: their emails, one per line (or separated by commas). */
  peopleEmails: emailList(100_000, "calibration:errors.peopleListTooLong"),
  /** Calibrators besides the population's managers (a peer manager, an HR partner): emails, one per line or separated by commas. */
  calibratorEmails: emailList(20_000, "calibration:errors.listTooLong"),
  /** Empty for the ladder's own scale, else one of its calibration scales. */
  scaleId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || null),
  /** What the 9-box's second axis is called (for example Potential); empty when the session does not collect one. */
  secondDimension: z
    .string()
    .superRefine(refuseForbiddenCharacters)
    .trim()
    .max(40, { error: "calibration:errors.dimensionTooLong" })
    .optional()
    .transform((value) => value || null),
  groupFloor: z.coerce
    .number({ error: "calibration:errors.groupFloor" })
    .int({ error: "calibration:errors.wholeNumber" })
    .min(SMALL_GROUP_FLOOR, { error: "calibration:errors.floorLowered" })
    .max(50, { error: "calibration:errors.floorTooHigh" })
    .default(SMALL_GROUP_FLOOR),
  blindPreRead: z.boolean().default(false),
  /** The day managers' proposals are due (YYYY-MM-DD); empty for none. */
  proposalsDueOn: z
    .preprocess((value) => (value === "" ? undefined : value), Day.optional())
    .transform((value) => value ?? null),
});
type Parsed = z.output<typeof NewSessionSchema>;
/** A session's set-up as the module takes it: the form's fields, the optional ones may be left out. */
export type NewSessionInput = Omit<
  Parsed,
  | "peopleEmails"
  | "calibratorEmails"
  | "scaleId"
  | "secondDimension"
  | "groupFloor"
  | "proposalsDueOn"
> &
  Partial<
    Pick<
      Parsed,
      | "peopleEmails"
      | "calibratorEmails"
      | "scaleId"
      | "secondDimension"
      | "groupFloor"
      | "proposalsDueOn"
    >
  >;
