-- The team overview and insights read the newest change to a team with every page, for the version
-- their kept reads are keyed by: from the end of this index, not every team (some 24,000 in a
-- company of 200,000 people).
-- CreateIndex
CREATE INDEX "Team_updatedAt_idx" ON "Team"("updatedAt");
