-- AlterTable
ALTER TABLE "Post" ADD COLUMN "editedAt" DATETIME;
