-- CreateTable
CREATE TABLE "LegacyPath" (
    "path" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LegacyPath_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LegacyPath_articleId_idx" ON "LegacyPath"("articleId");
