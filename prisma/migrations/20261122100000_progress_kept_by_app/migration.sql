-- The application keeps each participant's progress and figures (app/modules/cycles/
-- participant-progress.server.ts) in the same transaction as the assessment change, so
-- the rule is written once, in TypeScript. The triggers that did this go.
DROP TRIGGER IF EXISTS "Assessment_insert_refreshes_participant";
DROP TRIGGER IF EXISTS "Assessment_update_refreshes_participant";
DROP TRIGGER IF EXISTS "Assessment_delete_refreshes_participant";
DROP TRIGGER IF EXISTS "AssessmentRating_insert_refreshes_participant";
DROP TRIGGER IF EXISTS "AssessmentRating_update_refreshes_participant";
DROP TRIGGER IF EXISTS "AssessmentRating_delete_refreshes_participant";
DROP TRIGGER IF EXISTS "RatingEvidence_insert_refreshes_participant";
DROP TRIGGER IF EXISTS "RatingEvidence_update_refreshes_participant";
DROP TRIGGER IF EXISTS "RatingEvidence_delete_refreshes_participant";
DROP TRIGGER IF EXISTS "ReviewCycleParticipant_insert_refreshes_itself";

-- AlterTable
ALTER TABLE "ReviewCycleParticipant" ADD COLUMN "flagged" BOOLEAN NOT NULL DEFAULT false;

-- Rows written before this migration: the figures the triggers kept, read once as
-- contentFlags (cycle-progress.ts) reads them: a disagreement, or at least half the
-- ratings given without evidence.
UPDATE "ReviewCycleParticipant" SET "flagged" = ("disagreements" > 0 OR ("rated" > 0 AND "unevidenced" * 2 >= "rated"));
