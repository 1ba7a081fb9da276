/*
  Warnings:

  - You are about to drop the column `utcOffsetMinutes` on the `MentorshipParticipant` table. All the data in the column will be lost.

*/
-- A participant's time zone is now their person's (decision 058). Someone who chose no zone of
-- their own takes the one of their latest opt-in's offset: UTC for 0, Etc/GMT for whole hours
-- (its sign reads backwards: Etc/GMT-5 is UTC+5), and for the half and quarter hours the zone
-- whose standard time has that offset. Someone who chose a zone keeps it.
UPDATE "User" SET "timeZone" = (
  SELECT CASE p."utcOffsetMinutes"
      WHEN 0 THEN 'UTC'
      WHEN -570 THEN 'Pacific/Marquesas'
      WHEN -210 THEN 'America/St_Johns'
      WHEN 210 THEN 'Asia/Tehran'
      WHEN 270 THEN 'Asia/Kabul'
      WHEN 330 THEN 'Asia/Kolkata'
      WHEN 345 THEN 'Asia/Kathmandu'
      WHEN 390 THEN 'Asia/Yangon'
      WHEN 525 THEN 'Australia/Eucla'
      WHEN 570 THEN 'Australia/Darwin'
      WHEN 630 THEN 'Australia/Lord_Howe'
      WHEN 765 THEN 'Pacific/Chatham'
      ELSE 'Etc/GMT' || CASE WHEN p."utcOffsetMinutes" > 0 THEN '-' ELSE '+' END || (ABS(p."utcOffsetMinutes") / 60)
    END
  FROM "MentorshipParticipant" p
  WHERE p."userId" = "User"."id"
  ORDER BY p."updatedAt" DESC, p."id" DESC
  LIMIT 1
)
WHERE "timeZone" IS NULL AND EXISTS (SELECT 1 FROM "MentorshipParticipant" p WHERE p."userId" = "User"."id");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MentorshipParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "capacity" INTEGER,
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "preferences" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentorshipParticipant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "MentorshipProgramme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentorshipParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MentorshipParticipant" ("capacity", "competencies", "createdAt", "id", "note", "preferences", "programmeId", "role", "updatedAt", "userId") SELECT "capacity", "competencies", "createdAt", "id", "note", "preferences", "programmeId", "role", "updatedAt", "userId" FROM "MentorshipParticipant";
DROP TABLE "MentorshipParticipant";
ALTER TABLE "new_MentorshipParticipant" RENAME TO "MentorshipParticipant";
CREATE INDEX "MentorshipParticipant_userId_idx" ON "MentorshipParticipant"("userId");
CREATE INDEX "MentorshipParticipant_updatedAt_idx" ON "MentorshipParticipant"("updatedAt");
CREATE UNIQUE INDEX "MentorshipParticipant_programmeId_userId_role_key" ON "MentorshipParticipant"("programmeId", "userId", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
