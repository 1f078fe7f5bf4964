-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "note" TEXT NOT NULL DEFAULT '';
