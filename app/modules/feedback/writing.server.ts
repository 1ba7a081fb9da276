import { db } from "~/db/client.server";
import { checkAnswer } from "./word-check";

/**
 * How the peer feedback submitted about each person in a cycle was written, for the calibration
 * fairness report: per person, how many answers carry text, how many of them give an example and
 * how many use a personality word, by the word check's own rules (word-check.ts). Counts only:
 * no text and no author leaves this function.
 */
export async function feedbackWriting(cycleId: string, personIds: readonly string[]): Promise<Map<string, { answers: number; withExample: number; flagged: number }>> {
  const answers = await db.feedbackAnswer.findMany({
    where: { example: { not: "" }, request: { cycleId, channel: "peer", state: "submitted", subjectId: { in: [...personIds] } } },
    select: { example: true, request: { select: { subjectId: true } } },
  });
  const counts = new Map<string, { answers: number; withExample: number; flagged: number }>();
  for (const answer of answers) {
    const check = checkAnswer(answer.example);
    const person = counts.get(answer.request.subjectId) ?? { answers: 0, withExample: 0, flagged: 0 };
    person.answers += 1;
    if (check.example === "example") person.withExample += 1;
    if (check.words.length) person.flagged += 1;
    counts.set(answer.request.subjectId, person);
  }
  return counts;
}
