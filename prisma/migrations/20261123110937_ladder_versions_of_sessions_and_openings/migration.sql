-- Calibration sessions and hiring openings record the ladder version they use. Existing ones get
-- the newest version stored when they were set up (else the oldest stored), which is the one
-- that was served then.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CalibrationSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "facilitatorId" TEXT NOT NULL,
    "createdById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "ladderId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "blindPreRead" BOOLEAN NOT NULL DEFAULT false,
    "scaleId" TEXT,
    "secondDimension" TEXT,
    "groupFloor" INTEGER NOT NULL DEFAULT 4,
    "promotionsEffectiveOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CalibrationSession_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CalibrationSession" ("blindPreRead", "createdAt", "createdById", "cycleId", "facilitatorId", "groupFloor", "id", "ladderId", "ladderVersionId", "name", "promotionsEffectiveOn", "scaleId", "secondDimension", "state", "updatedAt") SELECT "blindPreRead", "createdAt", "createdById", "cycleId", "facilitatorId", "groupFloor", "id", "ladderId", COALESCE((SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "CalibrationSession"."ladderId" AND v."createdAt" <= "CalibrationSession"."createdAt" ORDER BY v."createdAt" DESC LIMIT 1), (SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "CalibrationSession"."ladderId" ORDER BY v."createdAt" ASC LIMIT 1)), "name", "promotionsEffectiveOn", "scaleId", "secondDimension", "state", "updatedAt" FROM "CalibrationSession";
DROP TABLE "CalibrationSession";
ALTER TABLE "new_CalibrationSession" RENAME TO "CalibrationSession";
CREATE INDEX "CalibrationSession_cycleId_idx" ON "CalibrationSession"("cycleId");
CREATE INDEX "CalibrationSession_facilitatorId_idx" ON "CalibrationSession"("facilitatorId");
CREATE TABLE "new_HiringOpening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "ladderId" TEXT NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HiringOpening_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringOpening_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HiringOpening" ("createdAt", "createdById", "id", "ladderId", "ladderVersionId", "levelId", "state", "title", "trackId", "updatedAt") SELECT "createdAt", "createdById", "id", "ladderId", COALESCE((SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "HiringOpening"."ladderId" AND v."createdAt" <= "HiringOpening"."createdAt" ORDER BY v."createdAt" DESC LIMIT 1), (SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "HiringOpening"."ladderId" ORDER BY v."createdAt" ASC LIMIT 1)), "levelId", "state", "title", "trackId", "updatedAt" FROM "HiringOpening";
DROP TABLE "HiringOpening";
ALTER TABLE "new_HiringOpening" RENAME TO "HiringOpening";
CREATE INDEX "HiringOpening_state_createdAt_idx" ON "HiringOpening"("state", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
