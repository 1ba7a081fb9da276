-- AlterTable
ALTER TABLE "CalibrationSession" ADD COLUMN "meetingEndsAt" DATETIME;
ALTER TABLE "CalibrationSession" ADD COLUMN "meetingStartsAt" DATETIME;
