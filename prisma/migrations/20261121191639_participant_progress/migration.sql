-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewCycleParticipant" (
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "selfProgress" INTEGER NOT NULL DEFAULT 0,
    "managerProgress" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "unevidenced" INTEGER NOT NULL DEFAULT 0,
    "disagreements" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cycleId", "userId"),
    CONSTRAINT "ReviewCycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewCycleParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewCycleParticipant" ("cycleId", "userId") SELECT "cycleId", "userId" FROM "ReviewCycleParticipant";
DROP TABLE "ReviewCycleParticipant";
ALTER TABLE "new_ReviewCycleParticipant" RENAME TO "ReviewCycleParticipant";
CREATE INDEX "ReviewCycleParticipant_userId_idx" ON "ReviewCycleParticipant"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


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

CREATE TRIGGER "Assessment_insert_refreshes_participant" AFTER INSERT ON "Assessment"
WHEN NEW."cycleId" IS NOT NULL
BEGIN
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
  WHERE "cycleId" = NEW."cycleId" AND "userId" = NEW."subjectId";
END;

CREATE TRIGGER "Assessment_update_refreshes_participant" AFTER UPDATE OF "status", "cycleId", "subjectId", "kind" ON "Assessment"
BEGIN
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
  WHERE ("cycleId" = OLD."cycleId" AND "userId" = OLD."subjectId") OR ("cycleId" = NEW."cycleId" AND "userId" = NEW."subjectId");
END;

CREATE TRIGGER "Assessment_delete_refreshes_participant" AFTER DELETE ON "Assessment"
WHEN OLD."cycleId" IS NOT NULL
BEGIN
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
  WHERE "cycleId" = OLD."cycleId" AND "userId" = OLD."subjectId";
END;

CREATE TRIGGER "AssessmentRating_insert_refreshes_participant" AFTER INSERT ON "AssessmentRating"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "Assessment" a WHERE a."id" IN (NEW."assessmentId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "AssessmentRating_update_refreshes_participant" AFTER UPDATE OF "rating", "assessmentId", "competencyId" ON "AssessmentRating"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "Assessment" a WHERE a."id" IN (OLD."assessmentId", NEW."assessmentId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "AssessmentRating_delete_refreshes_participant" AFTER DELETE ON "AssessmentRating"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "Assessment" a WHERE a."id" IN (OLD."assessmentId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "RatingEvidence_insert_refreshes_participant" AFTER INSERT ON "RatingEvidence"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "AssessmentRating" r JOIN "Assessment" a ON a."id" = r."assessmentId" WHERE r."id" IN (NEW."ratingId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "RatingEvidence_update_refreshes_participant" AFTER UPDATE OF "ratingId" ON "RatingEvidence"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "AssessmentRating" r JOIN "Assessment" a ON a."id" = r."assessmentId" WHERE r."id" IN (OLD."ratingId", NEW."ratingId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "RatingEvidence_delete_refreshes_participant" AFTER DELETE ON "RatingEvidence"
BEGIN
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
  WHERE ("cycleId", "userId") IN (SELECT a."cycleId", a."subjectId" FROM "AssessmentRating" r JOIN "Assessment" a ON a."id" = r."assessmentId" WHERE r."id" IN (OLD."ratingId") AND a."status" = 'submitted');
END;

CREATE TRIGGER "ReviewCycleParticipant_insert_refreshes_itself" AFTER INSERT ON "ReviewCycleParticipant"
BEGIN
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
  WHERE "cycleId" = NEW."cycleId" AND "userId" = NEW."userId";
END;
