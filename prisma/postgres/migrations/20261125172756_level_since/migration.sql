-- AlterTable
ALTER TABLE "LevelChange" ADD COLUMN     "fromSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "levelSince" TIMESTAMP(3);
