/**
 * Which of a person's assessments a viewer may read, through policy.ts. Pure: the
 * caller passes every assessment of the subject (any status), so the "has the
 * subject submitted their own self-assessment for the same cycle" fact comes
 * from the same rows.
 */
import { canReadAssessment, subjectSelfSubmitted, type AssessmentFacts } from "~/modules/assessments/policy";

export type SubjectAssessmentFacts = AssessmentFacts & { cycleId: string | null };

export type ProfileReader = { viewerId: string; viewerIsAdmin: boolean; subjectManagerChain: readonly string[] };

export function readableAssessments<T extends SubjectAssessmentFacts>(assessments: readonly T[], reader: ProfileReader): T[] {
  return assessments.filter((assessment) =>
    canReadAssessment(assessment, {
      ...reader,
      subjectSelfSubmitted: subjectSelfSubmitted(assessments, assessment.subjectId, assessment.cycleId),
    }),
  );
}
