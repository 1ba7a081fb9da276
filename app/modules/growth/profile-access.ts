/**
 * Which of a person's assessments a viewer may read, through policy.ts. Pure: the
 * caller passes every assessment of the subject (any status), so the "has the
 * subject submitted their own self-assessment for the same cycle" fact comes
 * from the same rows, and when each cycle shares reviews with the subject.
 */
import {
  canReadAssessment,
  subjectSelfSubmitted,
  type AssessmentFacts,
  type ReviewSharingFacts,
} from "~/modules/assessments/policy";

export type SubjectAssessmentFacts = AssessmentFacts & { cycleId: string | null };

export type ProfileReader = {
  viewerId: string;
  viewerIsAdmin: boolean;
  subjectManagerChain: readonly string[];
};

export function readableAssessments<T extends SubjectAssessmentFacts>(
  assessments: readonly T[],
  reader: ProfileReader,
  sharingIn: (cycleId: string | null) => ReviewSharingFacts,
): T[] {
  return assessments.filter((assessment) =>
    canReadAssessment(assessment, {
      ...reader,
      subjectSelfSubmitted: subjectSelfSubmitted(
        assessments,
        assessment.subjectId,
        assessment.cycleId,
      ),
      sharing: sharingIn(assessment.cycleId),
    }),
  );
}
