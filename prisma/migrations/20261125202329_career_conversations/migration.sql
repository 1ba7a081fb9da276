-- CreateTable
CREATE TABLE "ConversationSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "anchorAt" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 30,
    "createdById" TEXT NOT NULL,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConversationSeries_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationSeries_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "scheduledFor" DATETIME NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "movedFrom" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'upcoming',
    "heldAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConversationMeeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'added',
    "sourceKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "carried" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "ConversationPoint_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationPoint_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationPoint_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConversationNote_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationNoteShare" (
    "noteId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "sharedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("noteId", "personId"),
    CONSTRAINT "ConversationNoteShare_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "ConversationNote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationNoteShare_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationAction" (
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
    CONSTRAINT "ConversationAction_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationAction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConversationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CareerEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "occurredOn" DATETIME NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "meetingId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CareerEvidence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationPulse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seriesId" TEXT NOT NULL,
    "respondentId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationPulse_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ConversationSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationPulse_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "track" TEXT,
    "level" TEXT,
    "sublevel" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "isHiringAdmin" BOOLEAN NOT NULL DEFAULT false,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ladderId" TEXT,
    "teamId" TEXT,
    "managerId" TEXT,
    "linePath" TEXT NOT NULL DEFAULT '/',
    "lineDepth" INTEGER NOT NULL DEFAULT 0,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "scimUserName" TEXT,
    "scimExternalId" TEXT,
    "scimManagerRef" TEXT,
    "timeZone" TEXT,
    "levelSince" DATETIME,
    "sharesAllEvidence" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("attributes", "createdAt", "deactivatedAt", "email", "id", "isAdmin", "isHiringAdmin", "ladderId", "level", "levelSince", "lineDepth", "linePath", "managerId", "name", "scimExternalId", "scimManagerRef", "scimUserName", "sublevel", "teamId", "timeZone", "track", "updatedAt") SELECT "attributes", "createdAt", "deactivatedAt", "email", "id", "isAdmin", "isHiringAdmin", "ladderId", "level", "levelSince", "lineDepth", "linePath", "managerId", "name", "scimExternalId", "scimManagerRef", "scimUserName", "sublevel", "teamId", "timeZone", "track", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_scimUserName_key" ON "User"("scimUserName");
CREATE UNIQUE INDEX "User_scimExternalId_key" ON "User"("scimExternalId");
CREATE INDEX "User_managerId_idx" ON "User"("managerId");
CREATE INDEX "User_teamId_idx" ON "User"("teamId");
CREATE INDEX "User_name_id_idx" ON "User"("name", "id");
CREATE INDEX "User_linePath_deactivatedAt_lineDepth_id_idx" ON "User"("linePath", "deactivatedAt", "lineDepth", "id");
CREATE INDEX "User_deactivatedAt_idx" ON "User"("deactivatedAt");
CREATE INDEX "User_scimManagerRef_idx" ON "User"("scimManagerRef");
CREATE INDEX "User_updatedAt_idx" ON "User"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConversationSeries_managerId_endedAt_idx" ON "ConversationSeries"("managerId", "endedAt");

-- CreateIndex
CREATE INDEX "ConversationSeries_reportId_endedAt_idx" ON "ConversationSeries"("reportId", "endedAt");

-- CreateIndex
CREATE INDEX "ConversationMeeting_seriesId_startsAt_idx" ON "ConversationMeeting"("seriesId", "startsAt");

-- CreateIndex
CREATE INDEX "ConversationMeeting_status_startsAt_idx" ON "ConversationMeeting"("status", "startsAt");

-- CreateIndex
CREATE INDEX "ConversationPoint_meetingId_idx" ON "ConversationPoint"("meetingId");

-- CreateIndex
CREATE INDEX "ConversationPoint_seriesId_sourceKey_idx" ON "ConversationPoint"("seriesId", "sourceKey");

-- CreateIndex
CREATE INDEX "ConversationPoint_authorId_idx" ON "ConversationPoint"("authorId");

-- CreateIndex
CREATE INDEX "ConversationNote_meetingId_idx" ON "ConversationNote"("meetingId");

-- CreateIndex
CREATE INDEX "ConversationNote_authorId_idx" ON "ConversationNote"("authorId");

-- CreateIndex
CREATE INDEX "ConversationNoteShare_personId_idx" ON "ConversationNoteShare"("personId");

-- CreateIndex
CREATE INDEX "ConversationAction_seriesId_status_idx" ON "ConversationAction"("seriesId", "status");

-- CreateIndex
CREATE INDEX "ConversationAction_ownerId_status_idx" ON "ConversationAction"("ownerId", "status");

-- CreateIndex
CREATE INDEX "CareerEvidence_personId_occurredOn_idx" ON "CareerEvidence"("personId", "occurredOn");

-- CreateIndex
CREATE INDEX "ConversationPulse_managerId_answeredAt_idx" ON "ConversationPulse"("managerId", "answeredAt");

-- CreateIndex
CREATE INDEX "ConversationPulse_respondentId_answeredAt_idx" ON "ConversationPulse"("respondentId", "answeredAt");
