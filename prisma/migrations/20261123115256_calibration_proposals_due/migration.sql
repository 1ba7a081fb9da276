-- AlterTable
ALTER TABLE "CalibrationSession" ADD COLUMN "proposalsDueOn" DATETIME;
