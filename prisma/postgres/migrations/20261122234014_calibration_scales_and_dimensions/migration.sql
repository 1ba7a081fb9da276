-- AlterTable
ALTER TABLE "CalibrationEntry" ADD COLUMN     "finalSecond" INTEGER,
ADD COLUMN     "proposedSecond" INTEGER;

-- AlterTable
ALTER TABLE "CalibrationSession" ADD COLUMN     "groupFloor" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "scaleId" TEXT,
ADD COLUMN     "secondDimension" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "attributes" TEXT NOT NULL DEFAULT '{}';
