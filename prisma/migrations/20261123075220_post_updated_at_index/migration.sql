-- CreateIndex
CREATE INDEX "Post_articleId_updatedAt_idx" ON "Post"("articleId", "updatedAt");
