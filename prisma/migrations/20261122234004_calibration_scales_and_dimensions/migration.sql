-- Calibration: a session scale, a second dimension for the 9-box, a configurable group floor;
-- people's optional attributes for the fairness report. Plain ADD COLUMN (no table rebuild).
ALTER TABLE "CalibrationEntry" ADD COLUMN "finalSecond" INTEGER;
ALTER TABLE "CalibrationEntry" ADD COLUMN "proposedSecond" INTEGER;
ALTER TABLE "CalibrationSession" ADD COLUMN "scaleId" TEXT;
ALTER TABLE "CalibrationSession" ADD COLUMN "secondDimension" TEXT;
ALTER TABLE "CalibrationSession" ADD COLUMN "groupFloor" INTEGER NOT NULL DEFAULT 4;
ALTER TABLE "User" ADD COLUMN "attributes" TEXT NOT NULL DEFAULT '{}';
