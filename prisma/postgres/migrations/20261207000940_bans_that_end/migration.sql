-- AlterTable
ALTER TABLE "Ban" ADD COLUMN     "endsAt" TIMESTAMP(3),
ADD COLUMN     "guestName" TEXT,
ADD COLUMN     "liftReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "liftedAt" TIMESTAMP(3),
ADD COLUMN     "liftedById" TEXT;
