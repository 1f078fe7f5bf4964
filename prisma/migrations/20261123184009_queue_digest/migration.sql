-- AlterTable
ALTER TABLE "User" ADD COLUMN "digestAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "queueDigest" TEXT;
