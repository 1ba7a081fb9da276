-- CreateTable
CREATE TABLE "ReminderSchedule" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "dueAt" DATETIME,
    "calendar" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ReminderSchedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderPass" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "writtenSince" DATETIME NOT NULL,
    "plannedUntil" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CalibrationCalibrator" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("sessionId", "userId"),
    CONSTRAINT "CalibrationCalibrator_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationCalibrator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CalibrationCalibrator" ("sessionId", "userId") SELECT "sessionId", "userId" FROM "CalibrationCalibrator";
DROP TABLE "CalibrationCalibrator";
ALTER TABLE "new_CalibrationCalibrator" RENAME TO "CalibrationCalibrator";
CREATE INDEX "CalibrationCalibrator_userId_idx" ON "CalibrationCalibrator"("userId");
CREATE INDEX "CalibrationCalibrator_createdAt_idx" ON "CalibrationCalibrator"("createdAt");
CREATE TABLE "new_CalibrationEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "managerId" TEXT,
    "trackId" TEXT,
    "levelId" TEXT,
    "proposedRating" INTEGER,
    "proposedOutcome" TEXT,
    "proposedLevelId" TEXT,
    "rationale" TEXT NOT NULL DEFAULT '',
    "proposedSecond" INTEGER,
    "proposedEvidence" TEXT NOT NULL DEFAULT '[]',
    "proposalDraft" TEXT,
    "proposedAt" DATETIME,
    "finalRating" INTEGER,
    "finalOutcome" TEXT,
    "finalLevelId" TEXT,
    "finalReason" TEXT,
    "finalSecond" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "released" BOOLEAN NOT NULL DEFAULT false,
    "appliedAt" DATETIME,
    "selfAssessmentId" TEXT,
    "managerReviewId" TEXT,
    "selfAverage" REAL,
    "managerAverage" REAL,
    "ratedCount" INTEGER NOT NULL DEFAULT 0,
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalibrationEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CalibrationEntry_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CalibrationEntry" ("appliedAt", "evidenceCount", "finalLevelId", "finalOutcome", "finalRating", "finalReason", "finalSecond", "id", "levelId", "managerAverage", "managerId", "managerReviewId", "personId", "proposalDraft", "proposedAt", "proposedEvidence", "proposedLevelId", "proposedOutcome", "proposedRating", "proposedSecond", "ratedCount", "rationale", "released", "revision", "selfAssessmentId", "selfAverage", "sessionId", "trackId") SELECT "appliedAt", "evidenceCount", "finalLevelId", "finalOutcome", "finalRating", "finalReason", "finalSecond", "id", "levelId", "managerAverage", "managerId", "managerReviewId", "personId", "proposalDraft", "proposedAt", "proposedEvidence", "proposedLevelId", "proposedOutcome", "proposedRating", "proposedSecond", "ratedCount", "rationale", "released", "revision", "selfAssessmentId", "selfAverage", "sessionId", "trackId" FROM "CalibrationEntry";
DROP TABLE "CalibrationEntry";
ALTER TABLE "new_CalibrationEntry" RENAME TO "CalibrationEntry";
CREATE INDEX "CalibrationEntry_managerId_idx" ON "CalibrationEntry"("managerId");
CREATE INDEX "CalibrationEntry_personId_idx" ON "CalibrationEntry"("personId");
CREATE INDEX "CalibrationEntry_updatedAt_idx" ON "CalibrationEntry"("updatedAt");
CREATE UNIQUE INDEX "CalibrationEntry_sessionId_personId_key" ON "CalibrationEntry"("sessionId", "personId");
CREATE TABLE "new_ConversationAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationAction_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationAction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ConversationAction" ("closedAt", "createdAt", "createdById", "dueOn", "id", "meetingId", "ownerId", "seriesId", "status", "text") SELECT "closedAt", "createdAt", "createdById", "dueOn", "id", "meetingId", "ownerId", "seriesId", "status", "text" FROM "ConversationAction";
DROP TABLE "ConversationAction";
ALTER TABLE "new_ConversationAction" RENAME TO "ConversationAction";
CREATE INDEX "ConversationAction_seriesId_status_idx" ON "ConversationAction"("seriesId", "status");
CREATE INDEX "ConversationAction_ownerId_status_idx" ON "ConversationAction"("ownerId", "status");
CREATE INDEX "ConversationAction_updatedAt_idx" ON "ConversationAction"("updatedAt");
CREATE TABLE "new_HiringInterview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "scheduledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HiringInterview_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "HiringLoop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringInterview_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "HiringStage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringInterview_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HiringInterview" ("createdAt", "id", "interviewerId", "loopId", "scheduledAt", "stageId") SELECT "createdAt", "id", "interviewerId", "loopId", "scheduledAt", "stageId" FROM "HiringInterview";
DROP TABLE "HiringInterview";
ALTER TABLE "new_HiringInterview" RENAME TO "HiringInterview";
CREATE INDEX "HiringInterview_interviewerId_scheduledAt_idx" ON "HiringInterview"("interviewerId", "scheduledAt");
CREATE INDEX "HiringInterview_stageId_idx" ON "HiringInterview"("stageId");
CREATE INDEX "HiringInterview_updatedAt_idx" ON "HiringInterview"("updatedAt");
CREATE UNIQUE INDEX "HiringInterview_loopId_stageId_interviewerId_key" ON "HiringInterview"("loopId", "stageId", "interviewerId");
CREATE TABLE "new_HiringOpeningAdmin" (
    "openingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("openingId", "userId"),
    CONSTRAINT "HiringOpeningAdmin_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "HiringOpening" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringOpeningAdmin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_HiringOpeningAdmin" ("openingId", "userId") SELECT "openingId", "userId" FROM "HiringOpeningAdmin";
DROP TABLE "HiringOpeningAdmin";
ALTER TABLE "new_HiringOpeningAdmin" RENAME TO "HiringOpeningAdmin";
CREATE INDEX "HiringOpeningAdmin_userId_idx" ON "HiringOpeningAdmin"("userId");
CREATE INDEX "HiringOpeningAdmin_createdAt_idx" ON "HiringOpeningAdmin"("createdAt");
CREATE TABLE "new_ReviewCycleParticipant" (
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "selfProgress" INTEGER NOT NULL DEFAULT 0,
    "managerProgress" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "unevidenced" INTEGER NOT NULL DEFAULT 0,
    "disagreements" INTEGER NOT NULL DEFAULT 0,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("cycleId", "userId"),
    CONSTRAINT "ReviewCycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewCycleParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewCycleParticipant" ("cycleId", "disagreements", "flagged", "managerProgress", "rated", "selfProgress", "unevidenced", "userId") SELECT "cycleId", "disagreements", "flagged", "managerProgress", "rated", "selfProgress", "unevidenced", "userId" FROM "ReviewCycleParticipant";
DROP TABLE "ReviewCycleParticipant";
ALTER TABLE "new_ReviewCycleParticipant" RENAME TO "ReviewCycleParticipant";
CREATE INDEX "ReviewCycleParticipant_userId_idx" ON "ReviewCycleParticipant"("userId");
CREATE INDEX "ReviewCycleParticipant_progress_idx" ON "ReviewCycleParticipant"("cycleId", "userId", "selfProgress", "managerProgress", "flagged");
CREATE INDEX "ReviewCycleParticipant_updatedAt_idx" ON "ReviewCycleParticipant"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReminderSchedule_dueAt_idx" ON "ReminderSchedule"("dueAt");

-- CreateIndex
CREATE INDEX "ConversationSeries_updatedAt_idx" ON "ConversationSeries"("updatedAt");

-- CreateIndex
CREATE INDEX "FeedbackRequest_updatedAt_idx" ON "FeedbackRequest"("updatedAt");

-- CreateIndex
CREATE INDEX "MentorshipRequest_updatedAt_idx" ON "MentorshipRequest"("updatedAt");

-- CreateIndex
CREATE INDEX "NotificationPreference_updatedAt_idx" ON "NotificationPreference"("updatedAt");
