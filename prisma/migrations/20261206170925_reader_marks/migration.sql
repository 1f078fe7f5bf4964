-- AlterTable
ALTER TABLE "Article" ADD COLUMN "marksChangedAt" DATETIME;

-- CreateTable
CREATE TABLE "ReaderMark" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "visitor" TEXT NOT NULL,
    "ipHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" DATETIME,
    CONSTRAINT "ReaderMark_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (by hand: the redefinition Prisma writes would drop the search index's triggers on "Post")
ALTER TABLE "Post" ADD COLUMN "meTooCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Post" ADD COLUMN "answeredCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ReaderMark_visitor_idx" ON "ReaderMark"("visitor");

-- CreateIndex
CREATE UNIQUE INDEX "ReaderMark_postId_kind_visitor_key" ON "ReaderMark"("postId", "kind", "visitor");
