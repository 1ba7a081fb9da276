-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HiringLoop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "openingId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "debriefOpenedById" TEXT,
    "debriefOpenedAt" DATETIME,
    "decision" TEXT,
    "decisionLevelId" TEXT,
    "rationale" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "inviteCandidate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringLoop_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "HiringOpening" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "HiringCandidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_debriefOpenedById_fkey" FOREIGN KEY ("debriefOpenedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HiringLoop" ("candidateId", "createdAt", "debriefOpenedAt", "debriefOpenedById", "decidedAt", "decidedById", "decision", "decisionLevelId", "id", "openingId", "rationale", "state", "updatedAt") SELECT "candidateId", "createdAt", "debriefOpenedAt", "debriefOpenedById", "decidedAt", "decidedById", "decision", "decisionLevelId", "id", "openingId", "rationale", "state", "updatedAt" FROM "HiringLoop";
DROP TABLE "HiringLoop";
ALTER TABLE "new_HiringLoop" RENAME TO "HiringLoop";
CREATE INDEX "HiringLoop_candidateId_idx" ON "HiringLoop"("candidateId");
CREATE INDEX "HiringLoop_state_openingId_idx" ON "HiringLoop"("state", "openingId");
CREATE UNIQUE INDEX "HiringLoop_openingId_candidateId_key" ON "HiringLoop"("openingId", "candidateId");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "unsubscribeUrl" TEXT,
    "calendar" TEXT,
    "calendarMethod" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "calendar", "calendarMethod", "claimedBy", "claimedUntil", "createdAt", "htmlBody", "id", "key", "kind", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "textBody", "toAddress", "unsubscribeUrl", "userId") SELECT "attempts", "calendar", "calendarMethod", "claimedBy", "claimedUntil", "createdAt", "htmlBody", "id", "key", "kind", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "textBody", "toAddress", "unsubscribeUrl", "userId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");
CREATE INDEX "OutboxMessage_userId_idx" ON "OutboxMessage"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
