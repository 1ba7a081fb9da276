-- Team health answers are deleted under a retention rule (docs/decisions/113); the figures the
-- results showed at that moment are kept with the team's row, so shown pages do not change.
ALTER TABLE "TeamHealthTeam" ADD COLUMN "answersRemovedAt" TIMESTAMP(3);
ALTER TABLE "TeamHealthTeam" ADD COLUMN "keptFigures" TEXT;
