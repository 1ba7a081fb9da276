-- AlterTable
ALTER TABLE "LevelChange" ADD COLUMN "fromSince" DATETIME;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "levelSince" DATETIME;
