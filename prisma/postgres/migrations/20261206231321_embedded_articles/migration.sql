-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "url" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");
