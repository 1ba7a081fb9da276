-- CreateIndex
CREATE INDEX "ReviewCycleParticipant_state_counts_idx" ON "ReviewCycleParticipant"("cycleId", "selfProgress", "managerProgress");
