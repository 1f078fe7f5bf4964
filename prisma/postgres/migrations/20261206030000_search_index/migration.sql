-- Full-text search over every post's text (app/search): a tsvector computed
-- by PostgreSQL from the text (a stored generated column, so it changes in the
-- same statement as the text, in the same transaction) and a GIN index on it.
-- Every post is indexed; the queries show only what readers may see. Prisma's
-- schema does not describe them (tests/support/schema-catalog.ts leaves them
-- out of the comparison). `npm run search:rebuild` rebuilds the index.
ALTER TABLE "Post"
  ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "bodySource")) STORED;

CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");
