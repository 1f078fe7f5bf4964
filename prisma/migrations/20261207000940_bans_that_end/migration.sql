-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ban" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT,
    "guestEmail" TEXT,
    "ipHash" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "guestKey" TEXT,
    "endsAt" DATETIME,
    "liftedAt" DATETIME,
    "liftedById" TEXT,
    "liftReason" TEXT NOT NULL DEFAULT '',
    "guestName" TEXT
);
INSERT INTO "new_Ban" ("createdAt", "createdById", "guestEmail", "guestKey", "id", "ipHash", "reason", "userId") SELECT "createdAt", "createdById", "guestEmail", "guestKey", "id", "ipHash", "reason", "userId" FROM "Ban";
DROP TABLE "Ban";
ALTER TABLE "new_Ban" RENAME TO "Ban";
CREATE INDEX "Ban_userId_idx" ON "Ban"("userId");
CREATE INDEX "Ban_guestKey_idx" ON "Ban"("guestKey");
CREATE INDEX "Ban_guestEmail_idx" ON "Ban"("guestEmail");
CREATE INDEX "Ban_ipHash_idx" ON "Ban"("ipHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
