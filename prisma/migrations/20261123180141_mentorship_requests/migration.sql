-- CreateTable
CREATE TABLE "MentorshipRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'requested',
    "declineNote" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentorshipRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentorshipRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentorshipRequest_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MentorshipParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "utcOffsetMinutes" INTEGER NOT NULL,
    "capacity" INTEGER,
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "preferences" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentorshipParticipant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentorshipParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MentorshipParticipant" ("capacity", "competencies", "createdAt", "id", "preferences", "programmeId", "role", "updatedAt", "userId", "utcOffsetMinutes") SELECT "capacity", "competencies", "createdAt", "id", "preferences", "programmeId", "role", "updatedAt", "userId", "utcOffsetMinutes" FROM "MentorshipParticipant";
DROP TABLE "MentorshipParticipant";
ALTER TABLE "new_MentorshipParticipant" RENAME TO "MentorshipParticipant";
CREATE INDEX "MentorshipParticipant_userId_idx" ON "MentorshipParticipant"("userId");
CREATE UNIQUE INDEX "MentorshipParticipant_programmeId_userId_role_key" ON "MentorshipParticipant"("programmeId", "userId", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MentorshipRequest_programmeId_mentorId_state_idx" ON "MentorshipRequest"("programmeId", "mentorId", "state");

-- CreateIndex
CREATE INDEX "MentorshipRequest_menteeId_state_idx" ON "MentorshipRequest"("menteeId", "state");

-- CreateIndex
CREATE INDEX "MentorshipRequest_mentorId_state_idx" ON "MentorshipRequest"("mentorId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipRequest_programmeId_menteeId_mentorId_key" ON "MentorshipRequest"("programmeId", "menteeId", "mentorId");
