import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Peer and upward feedback: the examples about them go batch by batch; ratings stay in the aggregates. */
export const feedbackPersonalData: PersonalDataDeclaration = {
  holds: {
    FeedbackRequest:
      "who was asked about whom: kept for the counts; a decline's reason by or about them is emptied",
    FeedbackAnswer:
      "about them: each cycle's examples are emptied (a batch with a reviewer on hold stays whole); what they gave stays until the feedback rule removes its whole batch, as removing theirs alone would point at them",
    FeedbackFocus: "the competencies chosen for them: kept, no words",
  },
  holdsNothing: { FeedbackSettings: "a cycle's settings" },
  async erase({ tx, personId }) {
    // Feedback about them, batch by batch (a cycle's answers): a batch with a held reviewer stays whole.
    const aboutThem = await tx.feedbackRequest.findMany({
      where: { subjectId: personId },
      select: { cycleId: true, reviewerId: true },
    });
    const heldReviewers = new Set(
      (
        await tx.legalHold.findMany({
          where: { personId: { in: aboutThem.map((request) => request.reviewerId) } },
          select: { personId: true },
        })
      ).map((hold) => hold.personId),
    );
    const keptCycles = [
      ...new Set(
        aboutThem
          .filter((request) => heldReviewers.has(request.reviewerId))
          .map((request) => request.cycleId),
      ),
    ];
    await tx.feedbackAnswer.updateMany({
      where: { request: { subjectId: personId, cycleId: { notIn: keptCycles } } },
      data: { example: "" },
    });
    await tx.feedbackRequest.updateMany({
      where: {
        OR: [{ subjectId: personId }, { reviewerId: personId }],
        declineReason: { not: null },
      },
      data: { declineReason: "" },
    });
  },
};
