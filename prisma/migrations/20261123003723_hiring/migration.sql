-- CreateTable
CREATE TABLE "HiringOpening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringOpening_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringOpeningAdmin" (
    "openingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("openingId", "userId"),
    CONSTRAINT "HiringOpeningAdmin_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "HiringOpening" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringOpeningAdmin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "openingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "competencyIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringStage_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "HiringOpening" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringCandidate" (
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
    CONSTRAINT "HiringCandidate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringCandidate_hiredPersonId_fkey" FOREIGN KEY ("hiredPersonId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringLoop" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringLoop_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "HiringOpening" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "HiringCandidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_debriefOpenedById_fkey" FOREIGN KEY ("debriefOpenedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringLoop_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringDissent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringDissent_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "HiringLoop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringDissent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringInterview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "scheduledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringInterview_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "HiringLoop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringInterview_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "HiringStage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringInterview_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringScorecard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recommendation" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "amendsId" TEXT,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringScorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "HiringInterview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringScorecard_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringScorecard_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "HiringScorecard" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringScore" (
    "scorecardId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "score" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("scorecardId", "competencyId"),
    CONSTRAINT "HiringScore_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "HiringScorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiringSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'hiring',
    "retentionDays" INTEGER,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HiringOpening_state_createdAt_idx" ON "HiringOpening"("state", "createdAt");

-- CreateIndex
CREATE INDEX "HiringOpeningAdmin_userId_idx" ON "HiringOpeningAdmin"("userId");

-- CreateIndex
CREATE INDEX "HiringStage_openingId_position_idx" ON "HiringStage"("openingId", "position");

-- CreateIndex
CREATE INDEX "HiringCandidate_rejectedAt_purgedAt_idx" ON "HiringCandidate"("rejectedAt", "purgedAt");

-- CreateIndex
CREATE INDEX "HiringCandidate_hiredPersonId_idx" ON "HiringCandidate"("hiredPersonId");

-- CreateIndex
CREATE INDEX "HiringLoop_candidateId_idx" ON "HiringLoop"("candidateId");

-- CreateIndex
CREATE INDEX "HiringLoop_state_openingId_idx" ON "HiringLoop"("state", "openingId");

-- CreateIndex
CREATE UNIQUE INDEX "HiringLoop_openingId_candidateId_key" ON "HiringLoop"("openingId", "candidateId");

-- CreateIndex
CREATE INDEX "HiringDissent_loopId_createdAt_idx" ON "HiringDissent"("loopId", "createdAt");

-- CreateIndex
CREATE INDEX "HiringInterview_interviewerId_idx" ON "HiringInterview"("interviewerId");

-- CreateIndex
CREATE INDEX "HiringInterview_stageId_idx" ON "HiringInterview"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "HiringInterview_loopId_stageId_interviewerId_key" ON "HiringInterview"("loopId", "stageId", "interviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "HiringScorecard_amendsId_key" ON "HiringScorecard"("amendsId");

-- CreateIndex
CREATE INDEX "HiringScorecard_interviewId_status_idx" ON "HiringScorecard"("interviewId", "status");

-- CreateIndex
CREATE INDEX "HiringScorecard_authorId_status_idx" ON "HiringScorecard"("authorId", "status");
