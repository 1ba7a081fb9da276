-- Team health answers by group for the equity audit of experience (docs/decisions/126): no team,
-- no person, no check-in.
-- CreateTable
CREATE TABLE "TeamHealthGroupStore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "period" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "TeamHealthGroupAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "values" TEXT NOT NULL,
    CONSTRAINT "TeamHealthGroupAnswer_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "TeamHealthGroupStore" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamHealthGroupStore_period_dimension_group_key" ON "TeamHealthGroupStore"("period", "dimension", "group");

-- CreateIndex
CREATE INDEX "TeamHealthGroupAnswer_storeId_batch_idx" ON "TeamHealthGroupAnswer"("storeId", "batch");

