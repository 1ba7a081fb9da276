-- AlterTable
ALTER TABLE "CalibrationEntry" ADD COLUMN     "proposalDraft" TEXT,
ADD COLUMN     "proposedEvidence" TEXT NOT NULL DEFAULT '[]';
