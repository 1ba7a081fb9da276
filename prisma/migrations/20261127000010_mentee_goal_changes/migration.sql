-- CreateTable
CREATE TABLE "MenteeGoalChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programmeId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fromGoals" TEXT,
    "toGoals" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MenteeGoalChange_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MenteeGoalChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MenteeGoalChange_personId_changedAt_idx" ON "MenteeGoalChange"("personId", "changedAt");

-- CreateIndex
CREATE INDEX "MenteeGoalChange_programmeId_idx" ON "MenteeGoalChange"("programmeId");
