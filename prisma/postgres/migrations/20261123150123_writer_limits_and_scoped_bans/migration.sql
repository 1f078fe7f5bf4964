-- DropIndex
DROP INDEX "Post_guestKey_idx";

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "bodyHash" TEXT;

-- AlterTable
ALTER TABLE "Ban" ADD COLUMN     "guestKey" TEXT;

-- CreateIndex
CREATE INDEX "Post_userId_createdAt_idx" ON "Post"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Post_guestKey_createdAt_idx" ON "Post"("guestKey", "createdAt");

-- CreateIndex
CREATE INDEX "Post_ipHash_createdAt_idx" ON "Post"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "Ban_guestKey_idx" ON "Ban"("guestKey");

-- An account ban never meant an address ban: bans made before this migration
-- copied the account's address, which held everyone behind it.
UPDATE "Ban" SET "ipHash" = NULL WHERE "userId" IS NOT NULL;
