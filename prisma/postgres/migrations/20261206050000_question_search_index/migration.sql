-- The published questions alone, for the similar-question suggestions
-- (app/search): a partial GIN index over a quarter of the posts, used by the
-- suggestions' query, whose conditions are the index's.
CREATE INDEX "Post_questionSearch_idx" ON "Post" USING GIN ("searchVector")
  WHERE "status" = 'published' AND "rootId" IS NULL;
