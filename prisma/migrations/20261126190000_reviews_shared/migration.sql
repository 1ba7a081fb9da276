-- AlterTable
ALTER TABLE "ReviewCycle" ADD COLUMN "reviewsShared" TEXT NOT NULL DEFAULT 'when-both-submitted';
ALTER TABLE "ReviewCycle" ADD COLUMN "reviewsSharedOn" DATETIME;
