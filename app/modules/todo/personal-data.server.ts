import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** The to-do list's kept count. */
export const todoPersonalData: PersonalDataDeclaration = {
  holds: { TodoCount: "how many things they have to do: kept, a number" },
  notExported: "a count of what they have to do, shown live on their to-do list",
};
