-- CreateTable
CREATE TABLE "LevelChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "fromTrackId" TEXT,
    "fromLevelId" TEXT,
    "toTrackId" TEXT,
    "toLevelId" TEXT,
    "source" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LevelChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LevelChange_personId_changedAt_idx" ON "LevelChange"("personId", "changedAt");

-- Backfill: the promotions accepted in calibration that changed a person's level (their "apply"
-- event carries no reason). Edits, imports and provisioning before this table left no dated
-- record of the level they changed, so time in level counts from the person's createdAt for them.
INSERT INTO "LevelChange" ("personId", "fromTrackId", "fromLevelId", "toTrackId", "toLevelId", "source", "changedAt")
SELECT e."personId", e."trackId", e."levelId", CASE WHEN u."level" = e."finalLevelId" THEN u."track" ELSE e."trackId" END, e."finalLevelId", 'promoted', e."appliedAt"
FROM "CalibrationEntry" e
JOIN "User" u ON u."id" = e."personId"
WHERE e."appliedAt" IS NOT NULL AND e."finalOutcome" = 'promote' AND e."finalLevelId" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "CalibrationEvent" ev WHERE ev."entryId" = e."id" AND ev."kind" = 'apply' AND ev."reason" IS NULL);
