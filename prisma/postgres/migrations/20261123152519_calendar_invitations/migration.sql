-- AlterTable
ALTER TABLE "NotificationPreference" ADD COLUMN     "invitations" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "calendar" TEXT,
ADD COLUMN     "calendarMethod" TEXT;
