-- CreateTable
CREATE TABLE "PersonalExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "requestedById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "sectionsDone" INTEGER NOT NULL DEFAULT 0,
    "sectionsTotal" INTEGER NOT NULL DEFAULT 0,
    "archive" BLOB,
    "archiveSize" INTEGER,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "readyAt" DATETIME,
    "downloadedAt" DATETIME,
    "failedAt" DATETIME,
    CONSTRAINT "PersonalExport_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PersonalExport_personId_requestedAt_idx" ON "PersonalExport"("personId", "requestedAt");

-- CreateIndex
CREATE INDEX "PersonalExport_state_requestedAt_idx" ON "PersonalExport"("state", "requestedAt");
