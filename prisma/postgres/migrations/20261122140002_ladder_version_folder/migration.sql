-- The folder each stored ladder version was loaded from, so that after a restart with a
-- broken ladder file the newest good version of that folder is served.
-- AlterTable
ALTER TABLE "LadderVersion" ADD COLUMN "folder" TEXT;
