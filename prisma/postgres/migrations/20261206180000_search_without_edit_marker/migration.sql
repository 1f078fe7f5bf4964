-- The moderator's marker "[EDITED FOR LENGTH]" is not the writer's text: the
-- posts' tsvector is computed from the text with each marker a space. A
-- generated column's expression cannot be altered, so it and its two indexes
-- are made again.
DROP INDEX "Post_questionSearch_idx";
DROP INDEX "Post_searchVector_idx";
ALTER TABLE "Post" DROP COLUMN "searchVector";

ALTER TABLE "Post"
  ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, replace("bodySource", '[EDITED FOR LENGTH]', ' '))) STORED;

CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");
CREATE INDEX "Post_questionSearch_idx" ON "Post" USING GIN ("searchVector")
  WHERE "status" = 'published' AND "rootId" IS NULL;
