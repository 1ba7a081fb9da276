-- DropIndex
DROP INDEX "HiringLoop_openingId_candidateId_key";

-- AlterTable
ALTER TABLE "HiringCandidate" ADD COLUMN     "pipelineStage" TEXT NOT NULL DEFAULT 'screen',
ADD COLUMN     "pipelineStageSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "HiringPipelineMove" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "movedById" TEXT,
    "movedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HiringPipelineMove_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HiringPipelineMove_candidateId_movedAt_idx" ON "HiringPipelineMove"("candidateId", "movedAt");

-- CreateIndex
CREATE INDEX "HiringPipelineMove_movedById_idx" ON "HiringPipelineMove"("movedById");

-- CreateIndex
CREATE INDEX "HiringCandidate_pipelineStage_idx" ON "HiringCandidate"("pipelineStage");

-- CreateIndex
CREATE INDEX "HiringLoop_openingId_candidateId_idx" ON "HiringLoop"("openingId", "candidateId");

-- AddForeignKey
ALTER TABLE "HiringPipelineMove" ADD CONSTRAINT "HiringPipelineMove_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "HiringCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringPipelineMove" ADD CONSTRAINT "HiringPipelineMove_movedById_fkey" FOREIGN KEY ("movedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Candidates already in the database take their place in the pipeline from what their loops say
-- (rejected, hired, an offer after a hire decision, else interviews), each with one entry move.
UPDATE "HiringCandidate" SET "pipelineStage" = 'interviews', "pipelineStageSince" = "createdAt";
UPDATE "HiringCandidate" SET "pipelineStage" = 'offer', "pipelineStageSince" = (SELECT MAX(l."decidedAt") FROM "HiringLoop" l WHERE l."candidateId" = "HiringCandidate"."id" AND l."decision" IN ('hire', 'hire-other-level'))
  WHERE EXISTS (SELECT 1 FROM "HiringLoop" l WHERE l."candidateId" = "HiringCandidate"."id" AND l."decision" IN ('hire', 'hire-other-level') AND l."decidedAt" IS NOT NULL);
UPDATE "HiringCandidate" SET "pipelineStage" = 'hired' WHERE "hiredPersonId" IS NOT NULL;
UPDATE "HiringCandidate" SET "pipelineStage" = 'rejected', "pipelineStageSince" = "rejectedAt" WHERE "rejectedAt" IS NOT NULL;
INSERT INTO "HiringPipelineMove" ("id", "candidateId", "fromStage", "toStage", "reason", "note", "movedAt")
  SELECT 'upgrade-' || "id", "id", NULL, "pipelineStage", CASE WHEN "pipelineStage" = 'rejected' THEN 'interviews' ELSE NULL END, '', "pipelineStageSince" FROM "HiringCandidate";
