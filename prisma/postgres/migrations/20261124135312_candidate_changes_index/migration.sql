-- CreateIndex
CREATE INDEX "HiringCandidate_updatedAt_idx" ON "HiringCandidate"("updatedAt");
