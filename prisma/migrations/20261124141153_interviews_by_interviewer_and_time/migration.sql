-- DropIndex
DROP INDEX "HiringInterview_interviewerId_idx";

-- CreateIndex
CREATE INDEX "HiringInterview_interviewerId_scheduledAt_idx" ON "HiringInterview"("interviewerId", "scheduledAt");
