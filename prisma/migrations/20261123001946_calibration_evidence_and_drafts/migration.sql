-- Calibration proposals: the evidence they point to, and the manager's autosaved draft.
-- Plain ADD COLUMN (no table rebuild).
ALTER TABLE "CalibrationEntry" ADD COLUMN "proposedEvidence" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "CalibrationEntry" ADD COLUMN "proposalDraft" TEXT;
