-- The ladder (job family) a person belongs to, when several are served; null = the ladder that has their level.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "ladderId" TEXT;
