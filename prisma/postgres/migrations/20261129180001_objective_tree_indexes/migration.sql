-- The goal tree and an objective's page read an objective's first supporters in the order they were
-- written, its team's objectives and what it was carried to through an index, not across the table
-- (docs/decisions/127).
-- DropIndex
DROP INDEX "Objective_parentId_idx";

-- CreateIndex
CREATE INDEX "Objective_parentId_createdAt_id_idx" ON "Objective"("parentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Objective_teamId_idx" ON "Objective"("teamId");

-- CreateIndex
CREATE INDEX "Objective_carriedFromId_idx" ON "Objective"("carriedFromId");
