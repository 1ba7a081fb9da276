import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { dayOrNull } from "~/platform/export-document";
import { opportunitiesRecordOf } from "./opportunities.server";

/**
 * Stretch work: who saw, applied and was chosen stays for the access audit; the note they wrote
 * with their interest, and the poster's reason naming whom they chose, go.
 */
export const opportunitiesPersonalData: PersonalDataDeclaration = {
  holds: {
    Opportunity:
      "posted by them: kept, under the erased name, with the reason for its choice emptied under the leavers rule; the reason of one they were chosen for is emptied",
    OpportunityInterest: "their interest: the note is emptied; the outcome stays for the audit",
    OpportunityView: "what they saw: kept for the audit",
    OpportunityPoster: "who may post: kept",
    OpportunityEvidence: "which evidence came of an opportunity: kept with the evidence",
  },
  async erase({ tx, personId, othersTexts }) {
    await tx.opportunityInterest.updateMany({ where: { personId }, data: { note: "" } });
    await tx.opportunity.updateMany({
      where: {
        reason: { not: null },
        OR: [
          { interests: { some: { personId, outcome: "chosen" } } },
          ...(othersTexts === "remove" ? [{ posterId: personId }] : []),
        ],
      },
      data: { reason: "" },
    });
  },
  exports: {
    async opportunities({ reader }) {
      const record = await opportunitiesRecordOf(reader);
      return {
        posted: record.posted.map((row) => ({
          ...row,
          startsOn: dayOrNull(row.startsOn)!,
          endsOn: dayOrNull(row.endsOn)!,
        })),
        interests: record.interests.map((row) => ({
          ...row,
          expressedAt: row.expressedAt.toISOString(),
        })),
      };
    },
  },
};
