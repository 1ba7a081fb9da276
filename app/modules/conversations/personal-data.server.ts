import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** One-to-ones and evidence between cycles. */
export const conversationsPersonalData: PersonalDataDeclaration = {
  holds: {
    ConversationSeries: "between them and their manager or report: kept, under the erased name",
    ConversationMeeting: "when they met: kept",
    ConversationPoint: "the agenda's points they wrote: emptied under the leavers rule",
    ConversationNote:
      "their private notes are removed; their shared notes follow the leavers rule (removed, or kept under the erased name)",
    ConversationNoteShare: "which notes were shared with whom: kept with the note",
    ConversationAction: "the actions they created: emptied under the leavers rule",
    CareerEvidence: "their evidence between cycles: removed",
    ConversationPulse: "a one-to-one's pulse, a number: kept",
  },
  async erase({ tx, personId, othersTexts }) {
    await tx.careerEvidence.deleteMany({ where: { personId } });
    await tx.conversationNote.deleteMany({ where: { authorId: personId, visibility: "private" } });
    if (othersTexts === "remove") {
      await tx.conversationNote.deleteMany({ where: { authorId: personId } });
      await tx.conversationPoint.updateMany({ where: { authorId: personId }, data: { text: "" } });
      await tx.conversationAction.updateMany({
        where: { createdById: personId },
        data: { text: "" },
      });
    }
  },
};
