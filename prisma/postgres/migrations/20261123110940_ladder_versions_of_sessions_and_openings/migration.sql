-- Calibration sessions and hiring openings record the ladder version they use. Existing ones get
-- the newest version stored when they were set up (else the oldest stored), which is the one
-- that was served then.
ALTER TABLE "CalibrationSession" ADD COLUMN "ladderVersionId" TEXT;
UPDATE "CalibrationSession" SET "ladderVersionId" = COALESCE((SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "CalibrationSession"."ladderId" AND v."createdAt" <= "CalibrationSession"."createdAt" ORDER BY v."createdAt" DESC LIMIT 1), (SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "CalibrationSession"."ladderId" ORDER BY v."createdAt" ASC LIMIT 1));
ALTER TABLE "CalibrationSession" ALTER COLUMN "ladderVersionId" SET NOT NULL;

ALTER TABLE "HiringOpening" ADD COLUMN "ladderVersionId" TEXT;
UPDATE "HiringOpening" SET "ladderVersionId" = COALESCE((SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "HiringOpening"."ladderId" AND v."createdAt" <= "HiringOpening"."createdAt" ORDER BY v."createdAt" DESC LIMIT 1), (SELECT v."id" FROM "LadderVersion" v WHERE v."ladderId" = "HiringOpening"."ladderId" ORDER BY v."createdAt" ASC LIMIT 1));
ALTER TABLE "HiringOpening" ALTER COLUMN "ladderVersionId" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "CalibrationSession" ADD CONSTRAINT "CalibrationSession_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringOpening" ADD CONSTRAINT "HiringOpening_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "LadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
