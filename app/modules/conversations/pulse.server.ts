import { db } from "~/db/client.server";
import { personFloors } from "~/modules/disclosure/floors.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import {
  canAnswerPulse,
  canSeePulseSummary,
  type ConversationViewer,
  type SeriesFacts,
} from "./policy";
import { PULSE_MAX, PULSE_MIN, pulseSummary, type PulseSummary } from "./pulse";
import { readSeries } from "./queries.server";
import * as clock from "~/platform/clock.server";

/** The report answers the pulse on their one-to-ones with their current manager. */
export async function answerPulse(
  viewer: ConversationViewer,
  seriesId: string,
  score: number,
  now = clock.now(),
): Promise<void> {
  if (!Number.isInteger(score) || score < PULSE_MIN || score > PULSE_MAX)
    throw new InvalidError({
      key: "conversations:errors.pulseRange",
      values: { min: PULSE_MIN, max: PULSE_MAX },
    });
  const series = await readSeries(seriesId);
  if (!canAnswerPulse(viewer, series.facts))
    throw new NotFoundError({ key: "conversations:errors.noConversation" });
  await db.conversationPulse.create({
    data: {
      seriesId,
      respondentId: viewer.id,
      managerId: series.managerId,
      score,
      answeredAt: now,
    },
  });
}

/** The viewer's own latest answer about a series, if any (each answer is its respondent's alone). */
export async function ownLatestPulse(
  viewer: ConversationViewer,
  series: Pick<SeriesFacts, "kind" | "current"> & {
    id: string;
    manager: { id: string };
    report: { id: string };
  },
): Promise<{ score: number; answeredAt: Date } | null | undefined> {
  // Not the viewer's to answer here (conversations/policy.ts): the page offers no pulse at all.
  if (
    !canAnswerPulse(viewer, {
      kind: series.kind,
      current: series.current,
      managerId: series.manager.id,
      reportId: series.report.id,
    })
  )
    return undefined;
  return db.conversationPulse.findFirst({
    where: { seriesId: series.id, respondentId: viewer.id },
    orderBy: { answeredAt: "desc" },
    select: { score: true, answeredAt: true },
  });
}

/** The manager's pulse: the average over their reports' answers, released in batches by the disclosure check or not at all. */
export async function managerPulse(
  viewer: ConversationViewer,
  managerId: string,
  now = clock.now(),
): Promise<PulseSummary> {
  if (!canSeePulseSummary(viewer, managerId)) throw new NotFoundError();
  // Every answer, not only the window's: batches are cut from the first answer, so that the same answers always make the same batches.
  const answers = await db.conversationPulse.findMany({
    where: { managerId },
    select: { id: true, respondentId: true, score: true, answeredAt: true },
  });
  // The floors are read only when there is something to hold to them (most managers' team pages have no answers).
  return pulseSummary(
    answers,
    answers.length ? await personFloors() : () => Number.POSITIVE_INFINITY,
    now,
  );
}
