-- AlterTable
ALTER TABLE "CalibrationSession" ALTER COLUMN "groupFloor" DROP DEFAULT;
