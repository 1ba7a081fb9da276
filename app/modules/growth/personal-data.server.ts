import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Growth plans: focus competencies, no words. */
export const growthPersonalData: PersonalDataDeclaration = {
  holds: {
    GrowthPlan: "their plan: kept, competencies only",
    GrowthFocus: "the competencies they chose: kept, no words",
  },
};
