-- The published questions alone, for the similar-question suggestions
-- (app/search): a quarter of the posts, so that comparing a question with
-- those of a large site reads a quarter of the index. Its text is read from
-- "Post" (external content); triggers keep in it exactly the posts that are
-- published questions, in the same transaction as the write that makes or
-- unmakes one. `npm run search:rebuild` builds it again.
CREATE VIRTUAL TABLE "QuestionSearch" USING fts5(
  "bodySource",
  content = 'Post',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Post_question_search_insert" AFTER INSERT ON "Post"
  WHEN new."status" = 'published' AND new."rootId" IS NULL BEGIN
  INSERT INTO "QuestionSearch" (rowid, "bodySource") VALUES (new."id", new."bodySource");
END;

CREATE TRIGGER "Post_question_search_delete" AFTER DELETE ON "Post"
  WHEN old."status" = 'published' AND old."rootId" IS NULL BEGIN
  INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "bodySource") VALUES ('delete', old."id", old."bodySource");
END;

-- One trigger, so that a question edited while published leaves the index before it enters it again.
CREATE TRIGGER "Post_question_search_update" AFTER UPDATE OF "bodySource", "status", "rootId" ON "Post" BEGIN
  INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "bodySource")
    SELECT 'delete', old."id", old."bodySource" WHERE old."status" = 'published' AND old."rootId" IS NULL;
  INSERT INTO "QuestionSearch" (rowid, "bodySource")
    SELECT new."id", new."bodySource" WHERE new."status" = 'published' AND new."rootId" IS NULL;
END;

INSERT INTO "QuestionSearch" (rowid, "bodySource")
  SELECT "id", "bodySource" FROM "Post" WHERE "status" = 'published' AND "rootId" IS NULL;
