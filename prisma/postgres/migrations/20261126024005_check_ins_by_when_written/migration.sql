-- CreateIndex
CREATE INDEX "MentorshipCheckIn_createdAt_idx" ON "MentorshipCheckIn"("createdAt");

-- CreateIndex
CREATE INDEX "MentorshipCheckIn_occurredOn_idx" ON "MentorshipCheckIn"("occurredOn");
