import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Review cycles: who was in each, which the cycle's figures count. */
export const cyclesPersonalData: PersonalDataDeclaration = {
  holds: {
    ReviewCycle: "who opened it: kept, under the erased name",
    ReviewCycleParticipant: "who was in a cycle: kept for the cycle's figures; no words",
  },
  notExported:
    "which cycles they were in shows with their assessments and feedback; a cycle itself is the company's",
};
