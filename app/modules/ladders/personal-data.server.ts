import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Ladders are the company's text, not anyone's. */
export const laddersPersonalData: PersonalDataDeclaration = {
  holds: { RetiredLadder: "who retired a ladder: kept, under the erased name" },
  holdsNothing: { LadderVersion: "a ladder's content, the company's text" },
  notExported: "a retired ladder is the company's record; their name on it is all it holds of them",
};
