import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { interviewSlot } from "./calendar";
import { candidateInterviews, upcomingInterviews } from "./invitations.server";
import { unlessNotFound } from "~/modules/errors";
import { notesField, ratingField } from "~/modules/assessments/draft";
import { numberOrNull, textOf } from "~/platform/export-document";
import { hiringHome } from "./openings.server";
import { recommendationField } from "./scorecard-draft";
import { interviewPage } from "./scorecards.server";
import {
  candidatesDueForPurge,
  purgeCandidatesHiredAs,
  purgeForRetention,
  storedRetention,
} from "./candidates.server";

/**
 * Hiring: a leaver loses the candidate record they were hired from; what they wrote about
 * candidates as an interviewer follows the leavers rule; their scores stay for the statistics.
 */
export const hiringPersonalData: PersonalDataDeclaration = {
  holds: {
    HiringOpening: "who opened it: kept, under the erased name",
    HiringOpeningAdmin: "who ran it: kept, under the erased name",
    HiringCandidate:
      "the candidate record they were hired from: purged as a hiring admin's purge would",
    HiringPipelineMove:
      "who moved a candidate: the note they wrote is emptied under the leavers rule",
    HiringLoop:
      "who opened the debrief and decided: kept, under the erased name; the rationale of a decision they made is emptied under the leavers rule",
    HiringDissent: "a dissent they wrote: emptied under the leavers rule",
    HiringInterview: "who interviewed: kept for the statistics",
    HiringScorecard: "their scorecards: the summary is emptied under the leavers rule; scores stay",
    HiringScore: "a scorecard's notes: emptied with its summary",
    HiringSettings: "who last changed them: kept",
    HiringPanelSettings: "who last changed them: kept",
    InterviewerTraining: "their step as an interviewer: kept",
    InterviewerTrainingStep: "their steps and who signed them off: kept",
    HiringTraineeSeat: "their seats as a trainee: the practice notes about them are emptied",
    HiringInterviewRemoval: "an interviewer taken off a loop: kept",
  },
  holdsNothing: {
    HiringStage: "an interview plan's stage",
    HiringStageVersion: "the competencies a stage covered",
  },
  async erase({ tx, personId, now, othersTexts }) {
    await purgeCandidatesHiredAs(tx, personId, now);
    await tx.hiringTraineeSeat.updateMany({
      where: { traineeId: personId },
      data: { practiceNotes: "" },
    });
    if (othersTexts === "remove") {
      await tx.hiringScore.updateMany({
        where: { scorecard: { authorId: personId } },
        data: { notes: "" },
      });
      await tx.hiringScorecard.updateMany({ where: { authorId: personId }, data: { summary: "" } });
      await tx.hiringDissent.updateMany({ where: { authorId: personId }, data: { text: "" } });
      await tx.hiringLoop.updateMany({ where: { decidedById: personId }, data: { rationale: "" } });
      await tx.hiringPipelineMove.updateMany({
        where: { movedById: personId },
        data: { note: "" },
      });
    }
  },
  calendar: {
    events: { interview: "HiringInterview" },
    entries: async (now) =>
      (await upcomingInterviews(now)).map(({ interviewerId, ...slot }) => ({
        personId: interviewerId,
        slot: interviewSlot(slot),
      })),
    contacts: async (now) =>
      (await candidateInterviews(now)).map((candidate) => ({
        recipientId: `candidate-${candidate.candidateId}`,
        name: candidate.name,
        email: candidate.email,
        slots: candidate.interviews.map(interviewSlot),
      })),
  },
  exports: {
    async interviews({ reader, language }) {
      const { interviews } = await hiringHome(reader, language);
      const out = [];
      // Interviews they scored: a card in or being written; one not started holds nothing of theirs.
      for (const interview of interviews.filter((item) => item.card !== "not-started")) {
        const page = await unlessNotFound(() => interviewPage(reader, interview.id, language));
        if (!page) continue;
        out.push({
          opening: page.opening.title,
          level: page.opening.level,
          candidate: page.candidate,
          stage: page.stage.name,
          scheduledAt: page.interview.scheduledAt,
          state: page.mode,
          submittedAt: page.submitted?.submittedAt ?? null,
          scores: page.competencyIds.map((competencyId) => ({
            competencyId,
            competency: page.competencyName[competencyId] ?? competencyId,
            score: numberOrNull(page.values[ratingField(competencyId)]),
            notes: textOf(page.values[notesField(competencyId)]),
          })),
          recommendation:
            typeof page.values[recommendationField] === "string"
              ? page.values[recommendationField]
              : null,
        });
      }
      return out;
    },
  },
  retention: {
    /** Rejected candidates past the period hiring's own setting keeps them (a candidate is their own "person" here). */
    candidates: {
      async due({ now }) {
        const { candidateIds } = await candidatesDueForPurge(now);
        return candidateIds.map((id) => ({ id, personId: id }));
      },
      async remove(candidateId, _ids, now) {
        const { retentionDays } = await storedRetention();
        return retentionDays !== null && (await purgeForRetention(candidateId, retentionDays, now))
          ? 1
          : 0;
      },
    },
  },
};
