import type { PersonalDataDeclaration } from "~/platform/personal-data";
import { notesField, ratingField } from "~/modules/assessments/draft";
import { unlessNotFound } from "~/modules/errors";
import { ladderForPerson, ladderInLanguage } from "~/modules/ladders/registry.server";
import { placeInOrganisation } from "~/modules/people/queries.server";
import { numberOrNull, textOf, type ExportFeedbackReceived } from "~/platform/export-document";
import { answerPage, feedbackAbout, requestsAskedOf } from "./feedback.server";
import { feedbackLinksAbout } from "./links.server";
import type { FeedbackRelease } from "./release";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { feedbackTextDue } from "~/modules/retention/policy";

/** A feedback answer's example as the retention plan names it: its request and competency. */
const answerKey = (answer: { requestId: string; competencyId: string }) =>
  `${answer.requestId} ${answer.competencyId}`;

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
    async feedbackReceived({ reader, language }) {
      const [links, place] = await Promise.all([
        feedbackLinksAbout(reader, reader.id),
        placeInOrganisation(reader.id),
      ]);
      // Competencies named as the person's feedback page names them: from the ladder served to them.
      const served = place ? await ladderForPerson(place) : undefined;
      const ladder = served && ladderInLanguage(served.ladder, language).ladder;
      const nameOf = (competencyId: string) =>
        ladder?.competencies.find((competency) => competency.id === competencyId)?.name ??
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
    async feedbackWritten({ reader, language }) {
      const out = [];
      for (const requestId of await requestsAskedOf(reader.id)) {
        const page = await unlessNotFound(() => answerPage(reader, requestId, language));
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
  retention: {
    /**
     * Feedback examples, once enough later review cycles have opened. The examples about one person
     * in one cycle go together or not at all: removing some of an anonymous batch would show its
     * reader which examples were the held reviewer's, so a hold on the person or on any of its
     * reviewers keeps the whole batch.
     */
    feedbackTexts: {
      async due({ keepFor, held, now }) {
        const cyclesKept = keepFor("feedback-texts");
        const cycles = await db.reviewCycle.findMany({
          where: { startsOn: { lte: now } },
          select: { id: true, startsOn: true },
        });
        const openedSince = (startsOn: Date) =>
          cycles.filter((cycle) => cycle.startsOn > startsOn).length;
        // The cycles whose examples may be due at all, as feedbackTextDue says (none with no
        // period set); each example is then asked with its own facts.
        const old = cycles
          .filter((cycle) =>
            feedbackTextDue(
              { cyclesOpenedSince: openedSince(cycle.startsOn), held: false, hasText: true },
              cyclesKept,
            ),
          )
          .map((cycle) => cycle.id);
        if (old.length === 0) return [];
        const since = new Map(cycles.map((cycle) => [cycle.id, openedSince(cycle.startsOn)]));
        const answers = await db.feedbackAnswer.findMany({
          where: { request: { cycleId: { in: old } } },
          select: {
            requestId: true,
            competencyId: true,
            example: true,
            request: { select: { cycleId: true, reviewerId: true, subjectId: true } },
          },
          orderBy: [{ requestId: "asc" }, { competencyId: "asc" }],
        });
        const batch = (answer: (typeof answers)[number]) =>
          `${answer.request.cycleId}/${answer.request.subjectId}`;
        const heldBatches = new Set(
          answers
            .filter(
              (answer) => held.has(answer.request.reviewerId) || held.has(answer.request.subjectId),
            )
            .map(batch),
        );
        return answers
          .filter((answer) =>
            feedbackTextDue(
              {
                cyclesOpenedSince: since.get(answer.request.cycleId) ?? 0,
                held: heldBatches.has(batch(answer)),
                hasText: answer.example !== "",
              },
              cyclesKept,
            ),
          )
          .map((answer) => ({ id: answerKey(answer), personId: answer.request.subjectId }));
      },
      remove: (subjectId, keys) =>
        db.$transaction(async (tx) => {
          let count = 0;
          for (const key of keys) {
            const [requestId, competencyId] = key.split(" ");
            const cleared = await tx.feedbackAnswer.updateMany({
              where: { requestId, competencyId, example: { not: "" } },
              data: { example: "" },
            });
            count += cleared.count;
          }
          await recordAuditEvent(tx, {
            actorId: null,
            action: "retention.feedback_texts_removed",
            subjectType: "person",
            subjectId,
            detail: { count },
          });
          return count;
        }),
    },
  },
};
