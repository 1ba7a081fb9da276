-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "reach" TEXT NOT NULL DEFAULT 'organisation';
