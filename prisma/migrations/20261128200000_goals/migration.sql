-- Goals and OKRs (issue 82; app/modules/goals): periods, objectives, key results, check-ins, shares, evidence, and the key results an API token may check in on.
-- CreateTable
CREATE TABLE "GoalPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "teamId" TEXT,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NOT NULL DEFAULT '',
    "commitment" TEXT NOT NULL,
    "parentId" TEXT,
    "openToAll" BOOLEAN NOT NULL DEFAULT false,
    "carriedFromId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Objective_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "GoalPeriod" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Objective_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Objective_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Objective_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Objective" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Objective_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "Objective" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ObjectiveShare" (
    "objectiveId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("objectiveId", "personId"),
    CONSTRAINT "ObjectiveShare_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ObjectiveShare_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "objectiveId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "direction" TEXT NOT NULL,
    "startValue" REAL NOT NULL,
    "targetValue" REAL NOT NULL,
    "ownerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "finalScore" REAL,
    "reflection" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KeyResult_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyResult_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyResultContributor" (
    "keyResultId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    PRIMARY KEY ("keyResultId", "personId"),
    CONSTRAINT "KeyResultContributor_keyResultId_fkey" FOREIGN KEY ("keyResultId") REFERENCES "KeyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyResultContributor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyResultCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyResultId" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "confidence" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "tokenId" TEXT,
    "at" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KeyResultCheckIn_keyResultId_fkey" FOREIGN KEY ("keyResultId") REFERENCES "KeyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyResultCheckIn_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyResultCheckIn_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyResultEvidence" (
    "evidenceId" TEXT NOT NULL PRIMARY KEY,
    "keyResultId" TEXT NOT NULL,
    CONSTRAINT "KeyResultEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "CareerEvidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyResultEvidence_keyResultId_fkey" FOREIGN KEY ("keyResultId") REFERENCES "KeyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiTokenKeyResult" (
    "tokenId" TEXT NOT NULL,
    "keyResultId" TEXT NOT NULL,

    PRIMARY KEY ("tokenId", "keyResultId"),
    CONSTRAINT "ApiTokenKeyResult_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiTokenKeyResult_keyResultId_fkey" FOREIGN KEY ("keyResultId") REFERENCES "KeyResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "GoalPeriod_startsOn_idx" ON "GoalPeriod"("startsOn");

-- CreateIndex
CREATE INDEX "Objective_periodId_level_idx" ON "Objective"("periodId", "level");

-- CreateIndex
CREATE INDEX "Objective_ownerId_idx" ON "Objective"("ownerId");

-- CreateIndex
CREATE INDEX "Objective_parentId_idx" ON "Objective"("parentId");

-- CreateIndex
CREATE INDEX "ObjectiveShare_personId_idx" ON "ObjectiveShare"("personId");

-- CreateIndex
CREATE INDEX "KeyResult_objectiveId_idx" ON "KeyResult"("objectiveId");

-- CreateIndex
CREATE INDEX "KeyResult_ownerId_idx" ON "KeyResult"("ownerId");

-- CreateIndex
CREATE INDEX "KeyResultContributor_personId_idx" ON "KeyResultContributor"("personId");

-- CreateIndex
CREATE INDEX "KeyResultCheckIn_keyResultId_at_idx" ON "KeyResultCheckIn"("keyResultId", "at");

-- CreateIndex
CREATE INDEX "KeyResultCheckIn_authorId_idx" ON "KeyResultCheckIn"("authorId");

-- CreateIndex
CREATE INDEX "KeyResultEvidence_keyResultId_idx" ON "KeyResultEvidence"("keyResultId");

-- CreateIndex
CREATE INDEX "ApiTokenKeyResult_keyResultId_idx" ON "ApiTokenKeyResult"("keyResultId");

