-- DropIndex
DROP INDEX "HiringLoop_openingId_candidateId_key";

-- CreateTable
CREATE TABLE "HiringPipelineMove" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "movedById" TEXT,
    "movedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringPipelineMove_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "HiringCandidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringPipelineMove_movedById_fkey" FOREIGN KEY ("movedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HiringCandidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "rejectedAt" DATETIME,
    "purgedAt" DATETIME,
    "hiredPersonId" TEXT,
    "pipelineStage" TEXT NOT NULL DEFAULT 'screen',
    "pipelineStageSince" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringCandidate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringCandidate_hiredPersonId_fkey" FOREIGN KEY ("hiredPersonId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HiringCandidate" ("createdAt", "createdById", "email", "hiredPersonId", "id", "name", "notes", "purgedAt", "rejectedAt", "source", "updatedAt") SELECT "createdAt", "createdById", "email", "hiredPersonId", "id", "name", "notes", "purgedAt", "rejectedAt", "source", "updatedAt" FROM "HiringCandidate";
DROP TABLE "HiringCandidate";
ALTER TABLE "new_HiringCandidate" RENAME TO "HiringCandidate";
CREATE INDEX "HiringCandidate_rejectedAt_purgedAt_idx" ON "HiringCandidate"("rejectedAt", "purgedAt");
CREATE INDEX "HiringCandidate_hiredPersonId_idx" ON "HiringCandidate"("hiredPersonId");
CREATE INDEX "HiringCandidate_pipelineStage_idx" ON "HiringCandidate"("pipelineStage");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "HiringPipelineMove_candidateId_movedAt_idx" ON "HiringPipelineMove"("candidateId", "movedAt");

-- CreateIndex
CREATE INDEX "HiringPipelineMove_movedById_idx" ON "HiringPipelineMove"("movedById");

-- CreateIndex
CREATE INDEX "HiringLoop_openingId_candidateId_idx" ON "HiringLoop"("openingId", "candidateId");

-- Candidates already in the database take their place in the pipeline from what their loops say
-- (rejected, hired, an offer after a hire decision, else interviews), each with one entry move.
UPDATE "HiringCandidate" SET "pipelineStage" = 'interviews', "pipelineStageSince" = "createdAt";
UPDATE "HiringCandidate" SET "pipelineStage" = 'offer', "pipelineStageSince" = (SELECT MAX(l."decidedAt") FROM "HiringLoop" l WHERE l."candidateId" = "HiringCandidate"."id" AND l."decision" IN ('hire', 'hire-other-level'))
  WHERE EXISTS (SELECT 1 FROM "HiringLoop" l WHERE l."candidateId" = "HiringCandidate"."id" AND l."decision" IN ('hire', 'hire-other-level') AND l."decidedAt" IS NOT NULL);
UPDATE "HiringCandidate" SET "pipelineStage" = 'hired' WHERE "hiredPersonId" IS NOT NULL;
UPDATE "HiringCandidate" SET "pipelineStage" = 'rejected', "pipelineStageSince" = "rejectedAt" WHERE "rejectedAt" IS NOT NULL;
INSERT INTO "HiringPipelineMove" ("id", "candidateId", "fromStage", "toStage", "reason", "note", "movedAt")
  SELECT 'upgrade-' || "id", "id", NULL, "pipelineStage", CASE WHEN "pipelineStage" = 'rejected' THEN 'interviews' ELSE NULL END, '', "pipelineStageSince" FROM "HiringCandidate";
