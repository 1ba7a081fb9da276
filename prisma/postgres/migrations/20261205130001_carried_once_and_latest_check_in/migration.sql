-- An objective is carried over once at most (goals' policy, canCarryOver): the database now refuses a
-- second copy, which two requests at once could make. Where two copies were made before, the later
-- keeps its key results and loses only the link to the objective it came from.
UPDATE "Objective" SET "carriedFromId" = NULL
WHERE "carriedFromId" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "Objective" e
  WHERE e."carriedFromId" = "Objective"."carriedFromId"
    AND (e."createdAt" < "Objective"."createdAt" OR (e."createdAt" = "Objective"."createdAt" AND e.id < "Objective".id))
);

-- DropIndex
DROP INDEX "Objective_carriedFromId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Objective_carriedFromId_key" ON "Objective"("carriedFromId");

-- A key result's latest check-in orders by `at`, then by when it was written: with both in the index
-- the newest is read from its end, not sorted from every check-in of the key result.
-- DropIndex
DROP INDEX "KeyResultCheckIn_keyResultId_at_idx";

-- CreateIndex
CREATE INDEX "KeyResultCheckIn_keyResultId_at_createdAt_idx" ON "KeyResultCheckIn"("keyResultId", "at", "createdAt");
