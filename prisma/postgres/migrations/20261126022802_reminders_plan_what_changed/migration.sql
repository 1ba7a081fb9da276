-- AlterTable
ALTER TABLE "CalibrationCalibrator" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "CalibrationEntry" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ConversationAction" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "HiringInterview" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "HiringOpeningAdmin" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ReviewCycleParticipant" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ReminderSchedule" (
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "calendar" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReminderSchedule_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReminderPass" (
    "name" TEXT NOT NULL,
    "writtenSince" TIMESTAMP(3) NOT NULL,
    "plannedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPass_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "ReminderSchedule_dueAt_idx" ON "ReminderSchedule"("dueAt");

-- CreateIndex
CREATE INDEX "CalibrationCalibrator_createdAt_idx" ON "CalibrationCalibrator"("createdAt");

-- CreateIndex
CREATE INDEX "CalibrationEntry_updatedAt_idx" ON "CalibrationEntry"("updatedAt");

-- CreateIndex
CREATE INDEX "ConversationAction_updatedAt_idx" ON "ConversationAction"("updatedAt");

-- CreateIndex
CREATE INDEX "ConversationSeries_updatedAt_idx" ON "ConversationSeries"("updatedAt");

-- CreateIndex
CREATE INDEX "FeedbackRequest_updatedAt_idx" ON "FeedbackRequest"("updatedAt");

-- CreateIndex
CREATE INDEX "HiringInterview_updatedAt_idx" ON "HiringInterview"("updatedAt");

-- CreateIndex
CREATE INDEX "HiringOpeningAdmin_createdAt_idx" ON "HiringOpeningAdmin"("createdAt");

-- CreateIndex
CREATE INDEX "MentorshipRequest_updatedAt_idx" ON "MentorshipRequest"("updatedAt");

-- CreateIndex
CREATE INDEX "NotificationPreference_updatedAt_idx" ON "NotificationPreference"("updatedAt");

-- CreateIndex
CREATE INDEX "ReviewCycleParticipant_updatedAt_idx" ON "ReviewCycleParticipant"("updatedAt");

-- AddForeignKey
ALTER TABLE "ReminderSchedule" ADD CONSTRAINT "ReminderSchedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
