import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Ladders are the company's text, not anyone's. */
export const laddersPersonalData: PersonalDataDeclaration = {
  holds: { RetiredLadder: "who retired a ladder: kept, under the erased name" },
  holdsNothing: { LadderVersion: "a ladder's content, the company's text" },
};
