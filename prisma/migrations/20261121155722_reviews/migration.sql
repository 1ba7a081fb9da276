-- CreateTable
CREATE TABLE "ReviewCycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewCycle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewCycleParticipant" (
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("cycleId", "userId"),
    CONSTRAINT "ReviewCycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewCycleParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "cycleId" TEXT,
    "ladderVersionId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "nextLevelMarks" JSONB,
    CONSTRAINT "AssessmentRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ratingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "occurredOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingEvidence_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "AssessmentRating" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrowthPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "targetLevelId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrowthPlan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrowthPlan_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrowthFocus" (
    "planId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("planId", "competencyId"),
    CONSTRAINT "GrowthFocus_planId_fkey" FOREIGN KEY ("planId") REFERENCES "GrowthPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReviewCycle_createdAt_idx" ON "ReviewCycle"("createdAt");

-- CreateIndex
CREATE INDEX "ReviewCycleParticipant_userId_idx" ON "ReviewCycleParticipant"("userId");

-- CreateIndex
CREATE INDEX "Assessment_subjectId_kind_status_idx" ON "Assessment"("subjectId", "kind", "status");

-- CreateIndex
CREATE INDEX "Assessment_cycleId_kind_status_idx" ON "Assessment"("cycleId", "kind", "status");

-- CreateIndex
CREATE INDEX "Assessment_authorId_idx" ON "Assessment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentRating_assessmentId_competencyId_key" ON "AssessmentRating"("assessmentId", "competencyId");

-- CreateIndex
CREATE INDEX "RatingEvidence_ratingId_idx" ON "RatingEvidence"("ratingId");

-- CreateIndex
CREATE UNIQUE INDEX "GrowthPlan_personId_key" ON "GrowthPlan"("personId");

-- CreateIndex
CREATE INDEX "GrowthFocus_competencyId_idx" ON "GrowthFocus"("competencyId");
