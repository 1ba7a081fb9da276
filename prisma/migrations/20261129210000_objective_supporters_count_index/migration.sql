-- The goal tree counts the supporters a reader may read of a company objective (thousands of them in
-- a large company) from this index alone, without reading each row (docs/decisions/127).
-- CreateIndex
CREATE INDEX "Objective_parentId_periodId_level_openToAll_ownerId_id_idx" ON "Objective"("parentId", "periodId", "level", "openToAll", "ownerId", "id");
