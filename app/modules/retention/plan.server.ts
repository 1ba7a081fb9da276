import { db } from "~/db/client.server";
import { candidatesDueForPurge } from "~/modules/hiring/candidates.server";
import { feedbackTextDue, leaverDue, privateNoteDue } from "./policy";
import { erasedPeople, heldPeople, storedRules } from "./queries.server";

/**
 * What the next retention pass removes, item by item: the admin page counts it and the pass removes
 * exactly it, so what the page predicts is what happens (decision 091). Each item names the person
 * whose transaction removes it: a note's author, an answer's reviewer, a leaver, a candidate.
 */
export type RetentionPlan = {
  privateNotes: { noteId: string; authorId: string }[];
  feedbackTexts: { requestId: string; competencyId: string; reviewerId: string }[];
  candidates: { candidateIds: string[]; retentionDays: number | null };
  leavers: string[];
};

export type PlanCounts = { privateNotes: number; feedbackTexts: number; candidates: number; leavers: number };

export function planCounts(plan: RetentionPlan): PlanCounts {
  return { privateNotes: plan.privateNotes.length, feedbackTexts: plan.feedbackTexts.length, candidates: plan.candidates.candidateIds.length, leavers: plan.leavers.length };
}

export async function retentionPlan(now: Date): Promise<RetentionPlan> {
  const [rules, held, erased, candidates] = await Promise.all([storedRules(), heldPeople(), erasedPeople(), candidatesDueForPurge(now)]);
  return {
    privateNotes: await duePrivateNotes(rules["private-notes"].keepFor, held, now),
    feedbackTexts: await dueFeedbackTexts(rules["feedback-texts"].keepFor, held, now),
    candidates,
    leavers: await dueLeavers(rules.leavers.keepFor, held, erased, now),
  };
}

async function duePrivateNotes(keepFor: number | null, held: ReadonlySet<string>, now: Date): Promise<RetentionPlan["privateNotes"]> {
  if (keepFor === null) return [];
  const left = { deactivatedAt: { not: null, lte: now } };
  const notes = await db.conversationNote.findMany({
    where: { visibility: "private", series: { OR: [{ manager: left }, { report: left }] } },
    select: { id: true, authorId: true, series: { select: { managerId: true, reportId: true, manager: { select: { deactivatedAt: true } }, report: { select: { deactivatedAt: true } } } } },
    orderBy: { id: "asc" },
  });
  return notes
    .filter((note) => privateNoteDue({ leftAt: [note.series.manager.deactivatedAt, note.series.report.deactivatedAt], held: held.has(note.series.managerId) || held.has(note.series.reportId) }, keepFor, now))
    .map((note) => ({ noteId: note.id, authorId: note.authorId }));
}

/** A cycle's answers count the review cycles opened after it, up to now. */
async function dueFeedbackTexts(keepFor: number | null, held: ReadonlySet<string>, now: Date): Promise<RetentionPlan["feedbackTexts"]> {
  if (keepFor === null) return [];
  const cycles = await db.reviewCycle.findMany({ where: { startsOn: { lte: now } }, select: { id: true, startsOn: true } });
  const openedSince = (startsOn: Date) => cycles.filter((cycle) => cycle.startsOn > startsOn).length;
  const old = cycles.filter((cycle) => openedSince(cycle.startsOn) >= keepFor).map((cycle) => cycle.id);
  if (old.length === 0) return [];
  const since = new Map(cycles.map((cycle) => [cycle.id, openedSince(cycle.startsOn)]));
  const answers = await db.feedbackAnswer.findMany({
    where: { example: { not: "" }, request: { cycleId: { in: old } } },
    select: { requestId: true, competencyId: true, example: true, request: { select: { cycleId: true, reviewerId: true, subjectId: true } } },
    orderBy: [{ requestId: "asc" }, { competencyId: "asc" }],
  });
  return answers
    .filter((answer) => feedbackTextDue({ cyclesOpenedSince: since.get(answer.request.cycleId) ?? 0, held: held.has(answer.request.reviewerId) || held.has(answer.request.subjectId), hasText: answer.example !== "" }, keepFor))
    .map((answer) => ({ requestId: answer.requestId, competencyId: answer.competencyId, reviewerId: answer.request.reviewerId }));
}

async function dueLeavers(keepFor: number | null, held: ReadonlySet<string>, erased: ReadonlySet<string>, now: Date): Promise<string[]> {
  if (keepFor === null) return [];
  const left = await db.user.findMany({ where: { deactivatedAt: { not: null, lte: now } }, select: { id: true, deactivatedAt: true }, orderBy: { id: "asc" } });
  return left.filter((person) => leaverDue({ leftAt: person.deactivatedAt, erased: erased.has(person.id), held: held.has(person.id) }, keepFor, now)).map((person) => person.id);
}
