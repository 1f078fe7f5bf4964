-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestAt" TIMESTAMP(3),
ADD COLUMN     "queueDigest" TEXT;
