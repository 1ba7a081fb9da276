-- AlterTable
ALTER TABLE "CalibrationSession" ADD COLUMN     "proposalsDueOn" TIMESTAMP(3);
