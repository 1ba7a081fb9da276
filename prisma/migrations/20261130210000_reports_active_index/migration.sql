-- The VP's team page counts, for each of their reports, that report's own active reports: with
-- deactivatedAt and id in the index, both layers are read from the index alone, without a scan of
-- every person (at 200,000 people the count took a sequential scan of the whole table).
-- DropIndex
DROP INDEX "User_managerId_idx";

-- CreateIndex
CREATE INDEX "User_managerId_deactivatedAt_id_idx" ON "User"("managerId", "deactivatedAt", "id");
