-- CreateTable
CREATE TABLE "CalibrationSession" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "facilitatorId" TEXT NOT NULL,
    "createdById" TEXT,
    "ladderId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "blindPreRead" BOOLEAN NOT NULL DEFAULT false,
    "promotionsEffectiveOn" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalibrationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationCalibrator" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "CalibrationCalibrator_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CalibrationEntry" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "managerId" TEXT,
    "trackId" TEXT,
    "levelId" TEXT,
    "proposedRating" INTEGER,
    "proposedOutcome" TEXT,
    "proposedLevelId" TEXT,
    "rationale" TEXT NOT NULL DEFAULT '',
    "proposedAt" TIMESTAMP(3),
    "finalRating" INTEGER,
    "finalOutcome" TEXT,
    "finalLevelId" TEXT,
    "finalReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "released" BOOLEAN NOT NULL DEFAULT false,
    "appliedAt" TIMESTAMP(3),
    "selfAssessmentId" TEXT,
    "managerReviewId" TEXT,
    "selfAverage" DOUBLE PRECISION,
    "managerAverage" DOUBLE PRECISION,
    "ratedCount" INTEGER NOT NULL DEFAULT 0,
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CalibrationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationEvent" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "entryId" TEXT,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalibrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CalibrationSession_cycleId_idx" ON "CalibrationSession"("cycleId");

-- CreateIndex
CREATE INDEX "CalibrationSession_facilitatorId_idx" ON "CalibrationSession"("facilitatorId");

-- CreateIndex
CREATE INDEX "CalibrationCalibrator_userId_idx" ON "CalibrationCalibrator"("userId");

-- CreateIndex
CREATE INDEX "CalibrationEntry_managerId_idx" ON "CalibrationEntry"("managerId");

-- CreateIndex
CREATE INDEX "CalibrationEntry_personId_idx" ON "CalibrationEntry"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationEntry_sessionId_personId_key" ON "CalibrationEntry"("sessionId", "personId");

-- CreateIndex
CREATE INDEX "CalibrationEvent_sessionId_createdAt_idx" ON "CalibrationEvent"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "CalibrationEvent_entryId_createdAt_idx" ON "CalibrationEvent"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationCalibrator" ADD CONSTRAINT "CalibrationCalibrator_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationCalibrator" ADD CONSTRAINT "CalibrationCalibrator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEntry" ADD CONSTRAINT "CalibrationEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEntry" ADD CONSTRAINT "CalibrationEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEntry" ADD CONSTRAINT "CalibrationEntry_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEvent" ADD CONSTRAINT "CalibrationEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEvent" ADD CONSTRAINT "CalibrationEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CalibrationEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationEvent" ADD CONSTRAINT "CalibrationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "CalibrationPreRead" (
    "entryId" TEXT NOT NULL,
    "calibratorId" TEXT NOT NULL,
    "rating" INTEGER,
    "mark" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CalibrationPreRead_pkey" PRIMARY KEY ("entryId","calibratorId")
);

-- CreateIndex
CREATE INDEX "CalibrationPreRead_calibratorId_idx" ON "CalibrationPreRead"("calibratorId");

-- AddForeignKey
ALTER TABLE "CalibrationPreRead" ADD CONSTRAINT "CalibrationPreRead_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CalibrationEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationPreRead" ADD CONSTRAINT "CalibrationPreRead_calibratorId_fkey" FOREIGN KEY ("calibratorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Calibration events are append-only: the database itself refuses to change or remove one
-- (docs/decisions/019-calibration-history-append-only.md); test/integration/calibration checks it.
CREATE FUNCTION "calibration_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'calibration events are append-only';
END;
$$;

CREATE TRIGGER "CalibrationEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "CalibrationEvent"
FOR EACH ROW EXECUTE FUNCTION "calibration_event_append_only"();

CREATE TRIGGER "CalibrationEvent_no_truncate" BEFORE TRUNCATE ON "CalibrationEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "calibration_event_append_only"();
