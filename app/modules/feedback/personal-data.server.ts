import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { notesField, ratingField } from "~/modules/assessments/draft";
import { unlessNotFound } from "~/modules/errors";
import { ladderForPerson } from "~/modules/ladders/registry.server";
import { placeInOrganisation } from "~/modules/people/queries.server";
import { numberOrNull, textOf, type ExportFeedbackReceived } from "~/platform/export-document";
import { answerPage, feedbackAbout, requestsAskedOf } from "./feedback.server";
import { feedbackLinksAbout } from "./links.server";
import type { FeedbackRelease } from "./release";

function receivedFrom(
  cycle: string,
  channel: "peer" | "upward",
  release: FeedbackRelease,
  nameOf: (competencyId: string) => string,
): ExportFeedbackReceived | null {
  if (release.view === "none") return null;
  if (release.view === "named") {
    return {
      cycle,
      channel,
      view: "named",
      competencies: release.competencies.map((competency) => ({
        competencyId: competency.competencyId,
        competency: nameOf(competency.competencyId),
        answers: competency.answers.map((answer) => ({
          author: answer.authorName,
          rating: answer.rating,
          example: answer.example,
        })),
        count: competency.answers.length,
        averageRating: null,
      })),
    };
  }
  // Anonymous and aggregate views: only what passed the release's batches, never who wrote what.
  if (!release.release.released) return null;
  return {
    cycle,
    channel,
    view: release.view,
    competencies: release.release.competencies
      .filter((competency) => competency.shown)
      .map((competency) => ({
        competencyId: competency.competencyId,
        competency: nameOf(competency.competencyId),
        answers: competency.answers.map((answer) => ({
          author: null,
          rating: null,
          example: answer.example,
        })),
        count: competency.count,
        averageRating: competency.averageRating,
      })),
  };
}

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
  exports: {
    async feedbackReceived({ reader }) {
      const [links, place] = await Promise.all([
        feedbackLinksAbout(reader, reader.id),
        placeInOrganisation(reader.id),
      ]);
      // Competencies named as the person's feedback page names them: from the ladder served to them.
      const served = place ? await ladderForPerson(place) : undefined;
      const nameOf = (competencyId: string) =>
        served?.ladder.competencies.find((competency) => competency.id === competencyId)?.name ??
        competencyId;
      const out: ExportFeedbackReceived[] = [];
      for (const link of links) {
        for (const channel of ["peer", "upward"] as const) {
          if (link[channel] === "none") continue;
          const shown = await unlessNotFound(() =>
            feedbackAbout(reader, link.cycle.id, reader.id, channel),
          );
          const received = shown
            ? receivedFrom(link.cycle.name, channel, shown.release, nameOf)
            : null;
          if (received) out.push(received);
        }
      }
      return out;
    },
    async feedbackWritten({ reader }) {
      const out = [];
      for (const requestId of await requestsAskedOf(reader.id)) {
        const page = await unlessNotFound(() => answerPage(reader, requestId));
        if (!page) continue;
        const answers = page.competencies.map((competency) => ({
          competencyId: competency.id,
          competency: competency.name,
          rating: numberOrNull(page.values[ratingField(competency.id)]),
          example: textOf(page.values[notesField(competency.id)]),
        }));
        // A request they have written nothing for yet holds no words of theirs.
        if (!answers.some((item) => item.rating !== null || item.example.trim() !== "")) continue;
        out.push({
          cycle: page.request.cycle.name,
          channel: page.request.channel,
          about: page.request.subject.name,
          state: page.request.state,
          answers,
        });
      }
      return out;
    },
  },
};
