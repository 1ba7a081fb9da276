-- AlterTable
ALTER TABLE "ReviewCycleParticipant" ADD COLUMN     "disagreements" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "managerProgress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rated" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "selfProgress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unevidenced" INTEGER NOT NULL DEFAULT 0;


-- CreateIndex
CREATE INDEX "Assessment_subjectId_status_submittedAt_id_idx" ON "Assessment"("subjectId", "status", "submittedAt", "id");

-- The participant's progress and the figures "needs attention" reads are kept by the
-- triggers below, whatever writes assessments, ratings or evidence (the app, the seeds,
-- the tests), so the team overview and cycle progress read one row per person.
-- The refresh recomputes a participant from scratch: how far each side has got (0, 1
-- a draft, 2 submitted), and from the submitted self-assessment and manager review
-- (the newest by id when a skip-level wrote a second): ratings given, ratings without
-- evidence, and competencies two or more points apart (BIG_DISAGREEMENT in
-- app/modules/reviews/cycle-progress.ts; test/integration/reviews/participant-progress.test.ts
-- holds the two together). Ratings and evidence of drafts do not touch it: autosave
-- writes only draft rows, and a draft's ratings count once it is submitted.
-- SQLite rebuilds a table (and drops its triggers) when some columns change: a later
-- migration of these four tables must create the triggers again.

CREATE FUNCTION "refresh_review_cycle_participant"(p_cycle TEXT, p_person TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE "ReviewCycleParticipant" SET
    "selfProgress" = COALESCE((SELECT MAX(CASE WHEN a."status" = 'submitted' THEN 2 ELSE 1 END) FROM "Assessment" a
        WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'self'), 0),
    "managerProgress" = COALESCE((SELECT MAX(CASE WHEN a."status" = 'submitted' THEN 2 ELSE 1 END) FROM "Assessment" a
        WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'manager'), 0),
    "rated" = (SELECT COUNT(*) FROM "AssessmentRating" r WHERE r."rating" IS NOT NULL AND r."assessmentId" IN
        (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."status" = 'submitted' GROUP BY a."kind")),
    "unevidenced" = (SELECT COUNT(*) FROM "AssessmentRating" r WHERE r."rating" IS NOT NULL AND r."assessmentId" IN
        (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."status" = 'submitted' GROUP BY a."kind")
        AND NOT EXISTS (SELECT 1 FROM "RatingEvidence" e WHERE e."ratingId" = r."id")),
    "disagreements" = (SELECT COUNT(*) FROM "AssessmentRating" s JOIN "AssessmentRating" m ON m."competencyId" = s."competencyId"
        WHERE s."assessmentId" = (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'self' AND a."status" = 'submitted')
        AND m."assessmentId" = (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'manager' AND a."status" = 'submitted')
        AND ABS(s."rating" - m."rating") >= 2)
  WHERE "cycleId" = p_cycle AND "userId" = p_person;
$$;

-- Existing participants.
UPDATE "ReviewCycleParticipant" SET
    "selfProgress" = COALESCE((SELECT MAX(CASE WHEN a."status" = 'submitted' THEN 2 ELSE 1 END) FROM "Assessment" a
        WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'self'), 0),
    "managerProgress" = COALESCE((SELECT MAX(CASE WHEN a."status" = 'submitted' THEN 2 ELSE 1 END) FROM "Assessment" a
        WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'manager'), 0),
    "rated" = (SELECT COUNT(*) FROM "AssessmentRating" r WHERE r."rating" IS NOT NULL AND r."assessmentId" IN
        (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."status" = 'submitted' GROUP BY a."kind")),
    "unevidenced" = (SELECT COUNT(*) FROM "AssessmentRating" r WHERE r."rating" IS NOT NULL AND r."assessmentId" IN
        (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."status" = 'submitted' GROUP BY a."kind")
        AND NOT EXISTS (SELECT 1 FROM "RatingEvidence" e WHERE e."ratingId" = r."id")),
    "disagreements" = (SELECT COUNT(*) FROM "AssessmentRating" s JOIN "AssessmentRating" m ON m."competencyId" = s."competencyId"
        WHERE s."assessmentId" = (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'self' AND a."status" = 'submitted')
        AND m."assessmentId" = (SELECT MAX(a."id") FROM "Assessment" a WHERE a."cycleId" = "ReviewCycleParticipant"."cycleId" AND a."subjectId" = "ReviewCycleParticipant"."userId" AND a."kind" = 'manager' AND a."status" = 'submitted')
        AND ABS(s."rating" - m."rating") >= 2);

CREATE FUNCTION "assessment_refreshes_participant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."cycleId" IS NOT NULL THEN PERFORM "refresh_review_cycle_participant"(OLD."cycleId", OLD."subjectId"); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."cycleId" IS NOT NULL THEN PERFORM "refresh_review_cycle_participant"(NEW."cycleId", NEW."subjectId"); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Assessment_refreshes_participant" AFTER INSERT OR DELETE OR UPDATE OF "status", "cycleId", "subjectId", "kind" ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_refreshes_participant"();

CREATE FUNCTION "rating_refreshes_participant"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW."assessmentId"];
  ELSIF TG_OP = 'DELETE' THEN ids := ARRAY[OLD."assessmentId"];
  ELSE ids := ARRAY[OLD."assessmentId", NEW."assessmentId"];
  END IF;
  PERFORM "refresh_review_cycle_participant"(a."cycleId", a."subjectId")
    FROM "Assessment" a WHERE a."id" = ANY(ids) AND a."status" = 'submitted' AND a."cycleId" IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "AssessmentRating_refreshes_participant" AFTER INSERT OR DELETE OR UPDATE OF "rating", "assessmentId", "competencyId" ON "AssessmentRating"
  FOR EACH ROW EXECUTE FUNCTION "rating_refreshes_participant"();

CREATE FUNCTION "evidence_refreshes_participant"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN ids := ARRAY[NEW."ratingId"];
  ELSIF TG_OP = 'DELETE' THEN ids := ARRAY[OLD."ratingId"];
  ELSE ids := ARRAY[OLD."ratingId", NEW."ratingId"];
  END IF;
  PERFORM "refresh_review_cycle_participant"(a."cycleId", a."subjectId")
    FROM "AssessmentRating" r JOIN "Assessment" a ON a."id" = r."assessmentId"
    WHERE r."id" = ANY(ids) AND a."status" = 'submitted' AND a."cycleId" IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "RatingEvidence_refreshes_participant" AFTER INSERT OR DELETE OR UPDATE OF "ratingId" ON "RatingEvidence"
  FOR EACH ROW EXECUTE FUNCTION "evidence_refreshes_participant"();

CREATE FUNCTION "participant_refreshes_itself"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_review_cycle_participant"(NEW."cycleId", NEW."userId");
  RETURN NULL;
END $$;

CREATE TRIGGER "ReviewCycleParticipant_refreshes_itself" AFTER INSERT ON "ReviewCycleParticipant"
  FOR EACH ROW EXECUTE FUNCTION "participant_refreshes_itself"();
