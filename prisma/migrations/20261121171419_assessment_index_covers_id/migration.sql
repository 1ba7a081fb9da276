-- DropIndex
DROP INDEX "Assessment_cycleId_subjectId_kind_status_idx";

-- CreateIndex
CREATE INDEX "Assessment_cycleId_subjectId_kind_status_id_idx" ON "Assessment"("cycleId", "subjectId", "kind", "status", "id");
