-- CreateTable
CREATE TABLE "HiringInterviewRemoval" (
    "id" SERIAL NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "seatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HiringInterviewRemoval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HiringStageVersion" (
    "id" SERIAL NOT NULL,
    "stageId" TEXT NOT NULL,
    "openingId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HiringStageVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HiringInterviewRemoval_interviewerId_idx" ON "HiringInterviewRemoval"("interviewerId");

-- CreateIndex
CREATE INDEX "HiringStageVersion_stageId_until_idx" ON "HiringStageVersion"("stageId", "until");
