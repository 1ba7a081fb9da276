-- CreateTable
CREATE TABLE "HiringInterviewRemoval" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "interviewerId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "seatedAt" DATETIME NOT NULL,
    "removedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HiringStageVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stageId" TEXT NOT NULL,
    "openingId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "until" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "HiringInterviewRemoval_interviewerId_idx" ON "HiringInterviewRemoval"("interviewerId");

-- CreateIndex
CREATE INDEX "HiringStageVersion_stageId_until_idx" ON "HiringStageVersion"("stageId", "until");
