-- AlterTable
ALTER TABLE "ReviewCycle" ADD COLUMN     "reviewsShared" TEXT NOT NULL DEFAULT 'when-both-submitted',
ADD COLUMN     "reviewsSharedOn" TIMESTAMP(3);
