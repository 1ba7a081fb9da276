-- CreateIndex
CREATE INDEX "Assessment_updatedAt_idx" ON "Assessment"("updatedAt");

-- CreateIndex
CREATE INDEX "Assessment_status_idx" ON "Assessment"("status");

-- CreateIndex
CREATE INDEX "CalibrationEvent_createdAt_idx" ON "CalibrationEvent"("createdAt");

-- CreateIndex
CREATE INDEX "HiringLoop_updatedAt_idx" ON "HiringLoop"("updatedAt");

-- CreateIndex
CREATE INDEX "HiringScorecard_updatedAt_idx" ON "HiringScorecard"("updatedAt");

-- CreateIndex
CREATE INDEX "MentorshipPair_updatedAt_idx" ON "MentorshipPair"("updatedAt");

-- CreateIndex
CREATE INDEX "MentorshipParticipant_updatedAt_idx" ON "MentorshipParticipant"("updatedAt");

-- CreateIndex
CREATE INDEX "User_updatedAt_idx" ON "User"("updatedAt");
