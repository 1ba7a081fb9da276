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
    "groupFloor" INTEGER NOT NULL,
    "promotionsEffectiveOn" DATETIME,
    "proposalsDueOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CalibrationSession_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CalibrationSession_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CalibrationSession" ("blindPreRead", "createdAt", "createdById", "cycleId", "facilitatorId", "groupFloor", "id", "ladderId", "ladderVersionId", "name", "promotionsEffectiveOn", "proposalsDueOn", "scaleId", "secondDimension", "state", "updatedAt") SELECT "blindPreRead", "createdAt", "createdById", "cycleId", "facilitatorId", "groupFloor", "id", "ladderId", "ladderVersionId", "name", "promotionsEffectiveOn", "proposalsDueOn", "scaleId", "secondDimension", "state", "updatedAt" FROM "CalibrationSession";
DROP TABLE "CalibrationSession";
ALTER TABLE "new_CalibrationSession" RENAME TO "CalibrationSession";
CREATE INDEX "CalibrationSession_cycleId_idx" ON "CalibrationSession"("cycleId");
CREATE INDEX "CalibrationSession_facilitatorId_idx" ON "CalibrationSession"("facilitatorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
