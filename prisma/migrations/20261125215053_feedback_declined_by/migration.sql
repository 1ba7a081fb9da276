-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FeedbackRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "nominatedById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'nominated',
    "declineReason" TEXT,
    "declinedById" TEXT,
    "withdrawnReason" TEXT,
    "dueOn" DATETIME NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "competencyIds" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FeedbackRequest_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackRequest_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FeedbackRequest_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FeedbackRequest_declinedById_fkey" FOREIGN KEY ("declinedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FeedbackRequest_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FeedbackRequest" ("channel", "competencyIds", "createdAt", "cycleId", "decidedAt", "declineReason", "dueOn", "id", "ladderVersionId", "levelId", "nominatedById", "reviewerId", "revision", "state", "subjectId", "submittedAt", "trackId", "updatedAt", "withdrawnAt", "withdrawnReason") SELECT "channel", "competencyIds", "createdAt", "cycleId", "decidedAt", "declineReason", "dueOn", "id", "ladderVersionId", "levelId", "nominatedById", "reviewerId", "revision", "state", "subjectId", "submittedAt", "trackId", "updatedAt", "withdrawnAt", "withdrawnReason" FROM "FeedbackRequest";
DROP TABLE "FeedbackRequest";
ALTER TABLE "new_FeedbackRequest" RENAME TO "FeedbackRequest";
CREATE INDEX "FeedbackRequest_cycleId_reviewerId_channel_state_idx" ON "FeedbackRequest"("cycleId", "reviewerId", "channel", "state");
CREATE INDEX "FeedbackRequest_subjectId_cycleId_state_idx" ON "FeedbackRequest"("subjectId", "cycleId", "state");
CREATE INDEX "FeedbackRequest_reviewerId_state_idx" ON "FeedbackRequest"("reviewerId", "state");
CREATE UNIQUE INDEX "FeedbackRequest_cycleId_channel_subjectId_reviewerId_key" ON "FeedbackRequest"("cycleId", "channel", "subjectId", "reviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
