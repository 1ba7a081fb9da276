import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Retention's own records: the ledger that replays an erasure after a restore, and the holds. */
export const retentionPersonalData: PersonalDataDeclaration = {
  holds: {
    LegalHold: "a hold on them: kept until an admin clears it (erasure waits for it)",
    ErasureRecord: "that they were erased and when, by id: kept, so a restore erases them again",
  },
  holdsNothing: { RetentionRule: "the organisation's rules" },
  notExported:
    "a hold or an erasure ledger entry concerns a leaver, who has no export; holds are the company's legal matter",
};
