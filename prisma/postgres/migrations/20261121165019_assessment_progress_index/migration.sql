-- CreateIndex
CREATE INDEX "Assessment_cycleId_subjectId_kind_status_idx" ON "Assessment"("cycleId", "subjectId", "kind", "status");
