-- Team health check-ins (docs/decisions/099): answers keep no person and no time, only their
-- release batch; an invitation keeps only whether its person answered.
-- CreateTable
CREATE TABLE "TeamHealthCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedById" TEXT,
    "items" TEXT NOT NULL,
    "askComment" BOOLEAN NOT NULL DEFAULT false,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TeamHealthCheckIn_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamHealthTeam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkInId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "releasedAt" DATETIME,
    "followUpActionId" TEXT,
    CONSTRAINT "TeamHealthTeam_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "TeamHealthCheckIn" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamHealthTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamHealthTeam_followUpActionId_fkey" FOREIGN KEY ("followUpActionId") REFERENCES "TeamHealthAction" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamHealthInvitation" (
    "checkInTeamId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("checkInTeamId", "personId"),
    CONSTRAINT "TeamHealthInvitation_checkInTeamId_fkey" FOREIGN KEY ("checkInTeamId") REFERENCES "TeamHealthTeam" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamHealthInvitation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamHealthResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkInTeamId" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "values" TEXT NOT NULL,
    "helped" TEXT,
    "comment" TEXT,
    CONSTRAINT "TeamHealthResponse_checkInTeamId_fkey" FOREIGN KEY ("checkInTeamId") REFERENCES "TeamHealthTeam" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamHealthAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkInTeamId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueOn" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TeamHealthAction_checkInTeamId_fkey" FOREIGN KEY ("checkInTeamId") REFERENCES "TeamHealthTeam" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamHealthAction_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamHealthAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TeamHealthTeam_teamId_idx" ON "TeamHealthTeam"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamHealthTeam_checkInId_teamId_key" ON "TeamHealthTeam"("checkInId", "teamId");

-- CreateIndex
CREATE INDEX "TeamHealthInvitation_personId_idx" ON "TeamHealthInvitation"("personId");

-- CreateIndex
CREATE INDEX "TeamHealthResponse_checkInTeamId_batch_idx" ON "TeamHealthResponse"("checkInTeamId", "batch");

-- CreateIndex
CREATE INDEX "TeamHealthAction_ownerId_idx" ON "TeamHealthAction"("ownerId");

-- CreateIndex
CREATE INDEX "TeamHealthAction_teamId_idx" ON "TeamHealthAction"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamHealthAction_checkInTeamId_key" ON "TeamHealthAction"("checkInTeamId");
