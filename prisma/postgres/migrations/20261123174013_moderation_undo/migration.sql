-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN     "priorFlags" TEXT,
ADD COLUMN     "priorStatus" TEXT;
