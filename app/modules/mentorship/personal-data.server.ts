import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { unlessNotFound } from "~/modules/errors";
import { dayOrNull } from "~/platform/export-document";
import { myPairs, pairPage } from "./pairs.server";

/** Mentorship: who was paired stays for the programme's report; what anyone wrote goes. */
export const mentorshipPersonalData: PersonalDataDeclaration = {
  holds: {
    MentorshipProgramme: "who ran it: kept, under the erased name",
    MentorshipParticipant: "their opt-in: the preferences and note are emptied",
    MentorshipRun: "a matching run's summary of pairs, by id: kept",
    MenteeGoalChange: "the competencies they chose as goals: kept, no words",
    MentorshipPair: "their pairs: the outcome note and decline reason are emptied",
    MentorshipPairRule: "an admin's pin or block naming them: kept",
    MentorshipRequest: "their requests: the decline note is emptied",
    MentorshipCheckIn: "a pair's check-ins: what they wrote is emptied under the leavers rule",
    MentorshipPulse: "a pulse they answered, a number: kept",
  },
  async erase({ tx, personId, othersTexts }) {
    const either = { OR: [{ menteeId: personId }, { mentorId: personId }] };
    await tx.mentorshipParticipant.updateMany({
      where: { userId: personId },
      data: { preferences: "", note: "" },
    });
    await tx.mentorshipPair.updateMany({ where: either, data: { outcomeNote: "" } });
    await tx.mentorshipPair.updateMany({
      where: { ...either, declineReason: { not: null } },
      data: { declineReason: "" },
    });
    await tx.mentorshipRequest.updateMany({
      where: { ...either, declineNote: { not: null } },
      data: { declineNote: "" },
    });
    if (othersTexts === "remove")
      await tx.mentorshipCheckIn.updateMany({ where: { authorId: personId }, data: { note: "" } });
  },
  exports: {
    async mentorship({ reader, now, language }) {
      const out = [];
      for (const pair of await myPairs(reader)) {
        const page = await unlessNotFound(() =>
          pairPage(reader, pair.programmeId, pair.id, now, language),
        );
        if (!page) continue;
        out.push({
          programme: page.programme.name,
          role: page.role,
          mentee: page.pair.menteeName,
          mentor: page.pair.mentorName,
          status: page.pair.status,
          goals: page.goals.map((goal) => goal.name),
          outcome: page.pair.outcome,
          outcomeNote: page.pair.outcomeNote,
          checkIns: page.checkIns.map((checkIn) => ({
            occurredOn: dayOrNull(checkIn.occurredOn)!,
            author: checkIn.authorName,
            note: checkIn.note,
            competencies: checkIn.competencies,
          })),
          pulses: page.pulses.map((pulse) => ({
            checkpoint: pulse.checkpoint,
            usefulness: pulse.usefulness,
            comfort: pulse.comfort,
          })),
        });
      }
      return out;
    },
  },
};
