-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "throwaway2" INTEGER NOT NULL DEFAULT 0;
