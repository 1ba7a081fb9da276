import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Operations keep nothing about people. */
export const operationsPersonalData: PersonalDataDeclaration = {
  holds: {},
  holdsNothing: { ClockLease: "which server runs a background job" },
};
