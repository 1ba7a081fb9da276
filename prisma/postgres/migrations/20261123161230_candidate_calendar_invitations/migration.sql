-- AlterTable
ALTER TABLE "HiringLoop" ADD COLUMN     "inviteCandidate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "userId" DROP NOT NULL,
ALTER COLUMN "unsubscribeUrl" DROP NOT NULL;
