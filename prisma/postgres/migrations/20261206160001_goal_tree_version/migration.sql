-- The goal tree keeps its reads under a version of everything they read (goals' queries,
-- goalTreeVersion): the newest objective, share and check-in are each read from an index's end.
-- CreateIndex
CREATE INDEX "Objective_updatedAt_idx" ON "Objective"("updatedAt");

-- CreateIndex
CREATE INDEX "ObjectiveShare_createdAt_idx" ON "ObjectiveShare"("createdAt");

-- CreateIndex
CREATE INDEX "KeyResultCheckIn_createdAt_idx" ON "KeyResultCheckIn"("createdAt");
