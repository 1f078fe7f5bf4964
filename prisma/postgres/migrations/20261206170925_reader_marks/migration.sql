-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "marksChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "answeredCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "meTooCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ReaderMark" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "visitor" TEXT NOT NULL,
    "ipHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "ReaderMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReaderMark_visitor_idx" ON "ReaderMark"("visitor");

-- CreateIndex
CREATE UNIQUE INDEX "ReaderMark_postId_kind_visitor_key" ON "ReaderMark"("postId", "kind", "visitor");

-- AddForeignKey
ALTER TABLE "ReaderMark" ADD CONSTRAINT "ReaderMark_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
