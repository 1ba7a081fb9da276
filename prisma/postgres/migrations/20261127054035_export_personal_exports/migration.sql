-- CreateTable
CREATE TABLE "PersonalExport" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "requestedById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "sectionsDone" INTEGER NOT NULL DEFAULT 0,
    "sectionsTotal" INTEGER NOT NULL DEFAULT 0,
    "archive" BYTEA,
    "archiveSize" INTEGER,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "downloadedAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "PersonalExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonalExport_personId_requestedAt_idx" ON "PersonalExport"("personId", "requestedAt");

-- CreateIndex
CREATE INDEX "PersonalExport_state_requestedAt_idx" ON "PersonalExport"("state", "requestedAt");

-- AddForeignKey
ALTER TABLE "PersonalExport" ADD CONSTRAINT "PersonalExport_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
