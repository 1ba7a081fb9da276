-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "throwaway" TEXT;
