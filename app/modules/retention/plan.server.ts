import { db } from "~/db/client.server";
import { candidatesDueForPurge } from "~/modules/hiring/candidates.server";
import { feedbackTextDue, leaverDue, privateNoteDue } from "./policy";
import { erasedPeople, heldPeople, storedRules } from "./queries.server";

/**
 * What the next retention pass removes, item by item: the admin page counts it and the pass removes
 * exactly it, so what the page predicts is what happens (decision 091). Each item names the person
 * whose transaction removes it: a note's author, the person feedback is about, a leaver, a candidate.
 */
export type RetentionPlan = {
  privateNotes: { noteId: string; authorId: string }[];
  feedbackTexts: { requestId: string; competencyId: string; subjectId: string }[];
  candidates: { candidateIds: string[]; retentionDays: number | null };
  leavers: string[];
};

export type PlanCounts = {
  privateNotes: number;
  feedbackTexts: number;
  candidates: number;
  leavers: number;
};

export function planCounts(plan: RetentionPlan): PlanCounts {
  return {
    privateNotes: plan.privateNotes.length,
    feedbackTexts: plan.feedbackTexts.length,
    candidates: plan.candidates.candidateIds.length,
    leavers: plan.leavers.length,
  };
}

export async function retentionPlan(now: Date): Promise<RetentionPlan> {
  const [rules, held, erased, candidates] = await Promise.all([
    storedRules(),
    heldPeople(),
    erasedPeople(),
    candidatesDueForPurge(now),
  ]);
  return {
    privateNotes: await duePrivateNotes(rules["private-notes"].keepFor, held, now),
    feedbackTexts: await dueFeedbackTexts(rules["feedback-texts"].keepFor, held, now),
    candidates,
    leavers: await dueLeavers(rules.leavers.keepFor, held, erased, now),
  };
}

async function duePrivateNotes(
  keepFor: number | null,
  held: ReadonlySet<string>,
  now: Date,
): Promise<RetentionPlan["privateNotes"]> {
  if (keepFor === null) return [];
  const left = { deactivatedAt: { not: null, lte: now } };
  const notes = await db.conversationNote.findMany({
    where: { visibility: "private", series: { OR: [{ manager: left }, { report: left }] } },
    select: {
      id: true,
      authorId: true,
      series: {
        select: {
          managerId: true,
          reportId: true,
          manager: { select: { deactivatedAt: true } },
          report: { select: { deactivatedAt: true } },
        },
      },
    },
    orderBy: { id: "asc" },
  });
  return notes
    .filter((note) =>
      privateNoteDue(
        {
          leftAt: [note.series.manager.deactivatedAt, note.series.report.deactivatedAt],
          held: held.has(note.series.managerId) || held.has(note.series.reportId),
        },
        keepFor,
        now,
      ),
    )
    .map((note) => ({ noteId: note.id, authorId: note.authorId }));
}

/**
 * A cycle's answers count the review cycles opened after it, up to now. The examples about one person
 * in one cycle go together or not at all: removing some of an anonymous batch would show its reader
 * which examples were the held reviewer's, so a hold on the person or on any of its reviewers keeps
 * the whole batch.
 */
async function dueFeedbackTexts(
  keepFor: number | null,
  held: ReadonlySet<string>,
  now: Date,
): Promise<RetentionPlan["feedbackTexts"]> {
  if (keepFor === null) return [];
  const cycles = await db.reviewCycle.findMany({
    where: { startsOn: { lte: now } },
    select: { id: true, startsOn: true },
  });
  const openedSince = (startsOn: Date) =>
    cycles.filter((cycle) => cycle.startsOn > startsOn).length;
  const old = cycles
    .filter((cycle) => openedSince(cycle.startsOn) >= keepFor)
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
      .filter((answer) => held.has(answer.request.reviewerId) || held.has(answer.request.subjectId))
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
        keepFor,
      ),
    )
    .map((answer) => ({
      requestId: answer.requestId,
      competencyId: answer.competencyId,
      subjectId: answer.request.subjectId,
    }));
}

async function dueLeavers(
  keepFor: number | null,
  held: ReadonlySet<string>,
  erased: ReadonlySet<string>,
  now: Date,
): Promise<string[]> {
  if (keepFor === null) return [];
  const left = await db.user.findMany({
    where: { deactivatedAt: { not: null, lte: now } },
    select: { id: true, deactivatedAt: true },
    orderBy: { id: "asc" },
  });
  return left
    .filter((person) =>
      leaverDue(
        { leftAt: person.deactivatedAt, erased: erased.has(person.id), held: held.has(person.id) },
        keepFor,
        now,
      ),
    )
    .map((person) => person.id);
}
