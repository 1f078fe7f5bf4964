-- Full-text search over every post's text (app/search): an FTS5 index whose
-- text is read from "Post" itself (external content), kept by triggers in the
-- same transaction as the write that changes a post, so that no post is ever
-- searchable late or after its text changed. Every post is indexed; the
-- queries join "Post" and show only what readers may see. Prisma's schema does
-- not describe it (tests/support/schema-catalog.ts leaves it out of the
-- comparison). `npm run search:rebuild` builds it again from "Post".
CREATE VIRTUAL TABLE "PostSearch" USING fts5(
  "bodySource",
  content = 'Post',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The term and document counts of the index, for weighting rare words above common ones.
CREATE VIRTUAL TABLE "PostSearchTerms" USING fts5vocab('PostSearch', 'row');

CREATE TRIGGER "Post_search_insert" AFTER INSERT ON "Post" BEGIN
  INSERT INTO "PostSearch" (rowid, "bodySource") VALUES (new."id", new."bodySource");
END;

CREATE TRIGGER "Post_search_delete" AFTER DELETE ON "Post" BEGIN
  INSERT INTO "PostSearch" ("PostSearch", rowid, "bodySource") VALUES ('delete', old."id", old."bodySource");
END;

CREATE TRIGGER "Post_search_update" AFTER UPDATE OF "bodySource" ON "Post" BEGIN
  INSERT INTO "PostSearch" ("PostSearch", rowid, "bodySource") VALUES ('delete', old."id", old."bodySource");
  INSERT INTO "PostSearch" (rowid, "bodySource") VALUES (new."id", new."bodySource");
END;

INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild');
