import { z } from "zod";

/** The set-up form of a calibration session, as an admin fills it in. */
export const NewSessionSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the session." }).max(120, { error: "Keep the name under 120 characters." }),
  cycleId: z.string({ error: "Choose a review cycle." }).trim().min(1, { error: "Choose a review cycle." }),
  ladderId: z.string({ error: "Choose a ladder." }).trim().min(1, { error: "Choose a ladder." }),
  facilitatorEmail: z.string({ error: "Give the facilitator's email." }).trim().toLowerCase().min(1, { error: "Give the facilitator's email." }).max(254),
  population: z.enum(["cycle", "teams", "manager"], { error: "Choose who is calibrated." }),
  teamIds: z.array(z.string()).default([]),
  managerEmail: z.string().trim().toLowerCase().max(254).optional(),
  blindPreRead: z.boolean().default(false),
});
export type NewSessionInput = z.output<typeof NewSessionSchema>;

