-- CreateTable
CREATE TABLE "LegacyPath" (
    "path" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegacyPath_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "LegacyPath_articleId_idx" ON "LegacyPath"("articleId");

-- AddForeignKey
ALTER TABLE "LegacyPath" ADD CONSTRAINT "LegacyPath_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
