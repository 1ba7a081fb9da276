import type { AssessmentKind, AssessmentStatus } from "./policy";

/**
 * Which assessment "start or continue" opens. Pure.
 *
 * In an open cycle there is one self-assessment and one manager review per person:
 * the oldest row for (subject, kind, cycle) is the one (a second row can only come
 * from a lost race, and is removed). Outside a cycle the author continues the draft
 * in progress, or starts a new assessment once the last one is submitted.
 */
export type ExistingAssessment = {
  id: string;
  authorId: string;
  authorName: string;
  status: AssessmentStatus;
  createdAt: Date;
  submittedAt?: Date | null;
};

export type EntryDecision =
  | { action: "open"; assessmentId: string }
  | { action: "create" }
  /** Someone else in the chain is writing this person's manager review. */
  | { action: "taken"; assessmentId: string; authorName: string };

export function decideEntry(
  kind: AssessmentKind,
  authorId: string,
  inCycle: boolean,
  existing: readonly ExistingAssessment[],
): EntryDecision {
  const oldestFirst = [...existing].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  const current = inCycle ? oldestFirst[0] : oldestFirst.find((row) => row.status === "draft");
  if (!current) return { action: "create" };
  if (kind === "self" || current.authorId === authorId || current.status === "submitted")
    return { action: "open", assessmentId: current.id };
  return { action: "taken", assessmentId: current.id, authorName: current.authorName };
}
