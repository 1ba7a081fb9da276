-- AlterTable
ALTER TABLE "CalibrationSession" ADD COLUMN     "meetingEndsAt" TIMESTAMP(3),
ADD COLUMN     "meetingStartsAt" TIMESTAMP(3);
