/**
 * What a reader is shown of one person's feedback, given the view policy.ts grants them. Named
 * views list every answer with its author; every other view goes through `anonymousRelease`, and so
 * through the one disclosure check, in batches. Upward feedback always keeps the organisation's
 * floor and each report's raised one (`floorOf`): it is a figure about the manager's reports. Pure.
 */
import {
  ANONYMITY_FLOOR,
  anonymousRelease,
  UPWARD_FLOOR,
  type AnonymousRelease,
  type AnswerRow,
} from "./anonymity";
import type { Channel } from "./nomination";
import type { FeedbackView } from "./policy";

export type NamedAnswer = {
  authorId: string;
  authorName: string;
  rating: number | null;
  example: string;
};

export type FeedbackRelease =
  | { view: "none" }
  | { view: "named"; competencies: { competencyId: string; answers: NamedAnswer[] }[] }
  | { view: "anonymous" | "summary" | "aggregate"; release: AnonymousRelease };

export function releaseFeedback(
  view: FeedbackView,
  channel: Channel,
  rows: readonly (AnswerRow & { authorName: string })[],
  competencyIds: readonly string[],
  options: { secret: string; floorOf: (authorId: string) => number },
): FeedbackRelease {
  if (view === "none") return { view };
  // A competency nobody answered is left out, rather than listed as "0 answers" (anonymous views: nobody in a released batch).
  const answered = new Set(
    rows
      .filter((row) => row.rating !== null || row.example.trim() !== "")
      .map((row) => row.competencyId),
  );
  const answeredIds = competencyIds.filter((competencyId) => answered.has(competencyId));
  if (view === "named") {
    if (channel === "upward") return { view: "none" };
    return {
      view,
      competencies: answeredIds.map((competencyId) => ({
        competencyId,
        answers: rows
          .filter((row) => row.competencyId === competencyId)
          .map((row) => ({
            authorId: row.authorId,
            authorName: row.authorName,
            rating: row.rating,
            example: row.example,
          }))
          .sort(
            (a, b) =>
              a.authorName.localeCompare(b.authorName) || (a.authorId < b.authorId ? -1 : 1),
          ),
      })),
    };
  }
  const plain = rows.map(({ id, authorId, competencyId, rating, example, submittedAt }) => ({
    id,
    authorId,
    competencyId,
    rating,
    example,
    submittedAt,
  }));
  return {
    view,
    release: anonymousRelease(plain, competencyIds, {
      secret: options.secret,
      withAnswers: view !== "summary",
      floor: anonymityFloor(channel),
      floorOf: channel === "upward" ? options.floorOf : undefined,
    }),
  };
}

/** The floor anonymous answers of a channel are shown by: what the check keeps and what every message about it says. */
export function anonymityFloor(channel: Channel): number {
  return channel === "upward" ? UPWARD_FLOOR : ANONYMITY_FLOOR;
}

/** The competencies a release gives its reader something to read on: an answer with its author, or what the disclosure check shows. */
export function competenciesShown(release: FeedbackRelease): string[] {
  if (release.view === "none") return [];
  if (release.view === "named")
    return release.competencies
      .filter((competency) => competency.answers.length > 0)
      .map((competency) => competency.competencyId);
  return release.release.released
    ? release.release.competencies
        .filter((competency) => competency.shown && (competency.count ?? 0) > 0)
        .map((competency) => competency.competencyId)
    : [];
}

/** Whether a release gives its reader anything to read. */
export function releaseShowsAnswers(release: FeedbackRelease): boolean {
  return competenciesShown(release).length > 0;
}
