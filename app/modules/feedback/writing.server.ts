import { db } from "~/db/client.server";
import type { FeedbackCounts } from "~/modules/calibration/fairness";
import { checkAnswer } from "./word-check";

/**
 * How the peer feedback submitted about each person in a cycle was written, for the calibration
 * fairness report: per person and colleague, how many answers carry text, how many of them give
 * an example and how many use a personality word, by the word check's own rules (word-check.ts).
 * Counts only: no text and no author leaves this function. Each colleague is a number, given as met and the same across the people they wrote about, so the report's intervals can count
 * how alike one colleague's answers are without knowing who wrote them.
 */
export async function feedbackWriting(
  cycleId: string,
  personIds: readonly string[],
): Promise<Map<string, FeedbackCounts[]>> {
  const answers = await db.feedbackAnswer.findMany({
    where: {
      example: { not: "" },
      request: { cycleId, channel: "peer", state: "submitted", subjectId: { in: [...personIds] } },
    },
    select: { example: true, request: { select: { subjectId: true, reviewerId: true } } },
    orderBy: [{ requestId: "asc" }, { competencyId: "asc" }],
  });
  const colleagues = new Map<string, number>();
  const counts = new Map<string, FeedbackCounts[]>();
  for (const answer of answers) {
    const { subjectId, reviewerId } = answer.request;
    const colleague =
      colleagues.get(reviewerId) ?? colleagues.set(reviewerId, colleagues.size).get(reviewerId)!;
    const person = counts.get(subjectId) ?? counts.set(subjectId, []).get(subjectId)!;
    const cell =
      person.find((entry) => entry.colleague === colleague) ??
      person[person.push({ colleague, answers: 0, withExample: 0, flagged: 0 }) - 1]!;
    const check = checkAnswer(answer.example);
    cell.answers += 1;
    if (check.example === "example") cell.withExample += 1;
    if (check.words.length) cell.flagged += 1;
  }
  return counts;
}
