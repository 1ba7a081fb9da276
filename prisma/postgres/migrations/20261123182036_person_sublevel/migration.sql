-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sublevel" TEXT;
