-- The application keeps each participant's progress and figures (app/modules/cycles/
-- participant-progress.server.ts) in the same transaction as the assessment change, so
-- the rule is written once, in TypeScript. The triggers and functions that did this go.
DROP TRIGGER IF EXISTS "Assessment_refreshes_participant" ON "Assessment";
DROP TRIGGER IF EXISTS "AssessmentRating_refreshes_participant" ON "AssessmentRating";
DROP TRIGGER IF EXISTS "RatingEvidence_refreshes_participant" ON "RatingEvidence";
DROP TRIGGER IF EXISTS "ReviewCycleParticipant_refreshes_itself" ON "ReviewCycleParticipant";
DROP FUNCTION IF EXISTS "assessment_refreshes_participant"();
DROP FUNCTION IF EXISTS "rating_refreshes_participant"();
DROP FUNCTION IF EXISTS "evidence_refreshes_participant"();
DROP FUNCTION IF EXISTS "participant_refreshes_itself"();
DROP FUNCTION IF EXISTS "refresh_review_cycle_participant"(TEXT, TEXT);

-- AlterTable
ALTER TABLE "ReviewCycleParticipant" ADD COLUMN "flagged" BOOLEAN NOT NULL DEFAULT false;

-- Rows written before this migration: the figures the triggers kept, read once as
-- contentFlags (cycle-progress.ts) reads them: a disagreement, or at least half the
-- ratings given without evidence.
UPDATE "ReviewCycleParticipant" SET "flagged" = ("disagreements" > 0 OR ("rated" > 0 AND "unevidenced" * 2 >= "rated"));
