import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { goalsOfPerson } from "./goals.server";

/**
 * Goals: a leaver's own (person-level) objectives lose their words; the company and team
 * objectives they owned stay for the people still working on them, their words kept or emptied
 * under the leavers rule; their check-in notes and reflections are emptied; values, scores and who
 * owned what stay (the figures are the organisation's, not the person's words).
 */
export const goalsPersonalData: PersonalDataDeclaration = {
  holds: {
    Objective:
      "their own objectives: title and why emptied; company and team objectives they owned: kept, under the erased name, with the why emptied under the leavers rule",
    ObjectiveShare: "whom an objective was shared with: kept",
    KeyResult:
      "key results they owned: the reflection emptied; on their own objectives the title is emptied",
    KeyResultContributor: "which key results they contributed to: kept",
    KeyResultCheckIn: "their check-ins: the note emptied; the value and confidence stay",
    KeyResultEvidence: "which evidence came of a key result: kept with the evidence",
  },
  holdsNothing: {
    GoalPeriod: "the organisation's goal periods: dates and names, nobody's words",
    ApiTokenKeyResult:
      "which key results an API token may check in on: a token's and a key result's ids, revoked with the token",
  },
  async erase({ tx, personId, othersTexts }) {
    await tx.keyResultCheckIn.updateMany({ where: { authorId: personId }, data: { note: "" } });
    await tx.keyResult.updateMany({
      where: { ownerId: personId, reflection: { not: null } },
      data: { reflection: "" },
    });
    await tx.keyResult.updateMany({
      where: { objective: { level: "person", ownerId: personId } },
      data: { title: "" },
    });
    await tx.objective.updateMany({
      where: { level: "person", ownerId: personId },
      data: { title: "", why: "" },
    });
    if (othersTexts === "remove")
      await tx.objective.updateMany({
        where: { level: { not: "person" }, ownerId: personId },
        data: { why: "" },
      });
  },
  exports: {
    /** The objectives they own or hold a key result of, as their goal pages show them, with the check-ins they sent. */
    async goals({ reader }) {
      return (await goalsOfPerson(reader)).map((goal) => ({
        ...goal,
        keyResults: goal.keyResults.map((kr) => ({
          ...kr,
          checkIns: kr.checkIns.map((checkIn) => ({ ...checkIn, at: checkIn.at.toISOString() })),
        })),
      }));
    },
  },
};
