import type { Prisma } from "~/db/client.server";
import type { PersonalDataDeclaration } from "~/platform/personal-data";

/** Self-assessments and manager reviews: the words go, the ratings stay in the aggregates. */
export const assessmentsPersonalData: PersonalDataDeclaration = {
  holds: {
    Assessment:
      "about them (subject) and by them (author): the summary is emptied; by them about others under the leavers rule",
    AssessmentRating: "its notes are emptied with its assessment's summary; the ratings stay",
    RatingEvidence: "removed with its assessment's words",
  },
  async erase({ tx, personId, othersTexts }) {
    const theirs: Prisma.AssessmentWhereInput[] = [{ subjectId: personId }];
    if (othersTexts === "remove") theirs.push({ authorId: personId, subjectId: { not: personId } });
    for (const assessment of theirs) {
      await tx.ratingEvidence.deleteMany({ where: { rating: { assessment } } });
      await tx.assessmentRating.updateMany({ where: { assessment }, data: { notes: "" } });
      await tx.assessment.updateMany({ where: assessment, data: { summary: "" } });
    }
  },
  notExported: "the growth module's assessments section lists them, as the growth page does",
};
