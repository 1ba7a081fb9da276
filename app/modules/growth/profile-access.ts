/**
 * Which of a person's assessments a viewer may read, through policy.ts. Pure: the
 * caller passes every assessment of the subject (any status), so the "has the
 * subject submitted their own self-assessment for the same cycle" fact comes
 * from the same rows.
 */
import { canReadAssessment, type AssessmentFacts } from "~/modules/assessments/policy";

export type SubjectAssessmentFacts = AssessmentFacts & { cycleId: string | null };

export type ProfileReader = { viewerId: string; viewerIsAdmin: boolean; subjectManagerChain: readonly string[] };

/**
 * Has the subject submitted their own self-assessment in this cycle? Outside
 * cycles (cycleId null), any submitted out-of-cycle self-assessment counts.
 */
export function subjectSelfSubmitted(assessments: readonly SubjectAssessmentFacts[], subjectId: string, cycleId: string | null): boolean {
  return assessments.some(
    (assessment) =>
      assessment.kind === "self" && assessment.status === "submitted" && assessment.subjectId === subjectId && assessment.cycleId === cycleId,
  );
}

export function readableAssessments<T extends SubjectAssessmentFacts>(assessments: readonly T[], reader: ProfileReader): T[] {
  return assessments.filter((assessment) =>
    canReadAssessment(assessment, {
      ...reader,
      subjectSelfSubmitted: subjectSelfSubmitted(assessments, assessment.subjectId, assessment.cycleId),
    }),
  );
}
