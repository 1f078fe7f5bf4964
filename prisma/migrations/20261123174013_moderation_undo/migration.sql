-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN "priorFlags" TEXT;
ALTER TABLE "ModerationAction" ADD COLUMN "priorStatus" TEXT;
