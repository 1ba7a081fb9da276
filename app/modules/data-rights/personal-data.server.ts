import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** A person's exports hold a copy of what they could read: a leaver's are removed. */
export const dataRightsPersonalData: PersonalDataDeclaration = {
  holds: { PersonalExport: "their exports and the archives built for them: removed" },
  async erase({ tx, personId }) {
    await tx.personalExport.deleteMany({ where: { personId } });
  },
  notExported: "an export is the archive itself; earlier ones appear as audit events",
};
