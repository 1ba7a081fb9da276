import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { erasePerson } from "./erasure.server";
import { dueLeavers } from "./plan.server";
import { storedRules } from "./queries.server";

/**
 * Retention's own records: the ledger that replays an erasure after a restore, and the holds. Its
 * kind of removal is the leavers rule: a person who left long enough ago is erased, the last of a
 * pass's kinds.
 */
export const retentionPersonalData: PersonalDataDeclaration = {
  holds: {
    LegalHold: "a hold on them: kept until an admin clears it (erasure waits for it)",
    ErasureRecord: "that they were erased and when, by id: kept, so a restore erases them again",
  },
  holdsNothing: { RetentionRule: "the organisation's rules" },
  retention: {
    leavers: {
      due: dueLeavers,
      async remove(personId, _ids, now) {
        const { othersTexts } = (await storedRules()).leavers;
        return (await erasePerson(personId, now, othersTexts, "retention")) ? 1 : 0;
      },
    },
  },
  notExported:
    "a hold or an erasure ledger entry concerns a leaver, who has no export; holds are the company's legal matter",
};
