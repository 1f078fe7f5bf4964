-- The moderator's marker "[EDITED FOR LENGTH]" is not the writer's text, so
-- the search indexes read a post's text without it: a virtual generated column
-- "searchText" (the text with each marker a space) is their content now, and
-- the indexes and their triggers are made again on it. Prisma's schema does
-- not describe the column (tests/support/schema-catalog.ts leaves it out).
DROP TRIGGER "Post_search_insert";
DROP TRIGGER "Post_search_delete";
DROP TRIGGER "Post_search_update";
DROP TRIGGER "Post_question_search_insert";
DROP TRIGGER "Post_question_search_delete";
DROP TRIGGER "Post_question_search_update";
DROP TABLE "PostSearchTerms";
DROP TABLE "PostSearch";
DROP TABLE "QuestionSearch";

ALTER TABLE "Post" ADD COLUMN "searchText" TEXT
  GENERATED ALWAYS AS (replace("bodySource", '[EDITED FOR LENGTH]', ' ')) VIRTUAL;

CREATE VIRTUAL TABLE "PostSearch" USING fts5(
  "searchText",
  content = 'Post',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "PostSearchTerms" USING fts5vocab('PostSearch', 'row');

CREATE TRIGGER "Post_search_insert" AFTER INSERT ON "Post" BEGIN
  INSERT INTO "PostSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "Post_search_delete" AFTER DELETE ON "Post" BEGIN
  INSERT INTO "PostSearch" ("PostSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "Post_search_update" AFTER UPDATE OF "bodySource" ON "Post" BEGIN
  INSERT INTO "PostSearch" ("PostSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
  INSERT INTO "PostSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

INSERT INTO "PostSearch" ("PostSearch") VALUES ('rebuild');

CREATE VIRTUAL TABLE "QuestionSearch" USING fts5(
  "searchText",
  content = 'Post',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Post_question_search_insert" AFTER INSERT ON "Post"
  WHEN new."status" = 'published' AND new."rootId" IS NULL BEGIN
  INSERT INTO "QuestionSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "Post_question_search_delete" AFTER DELETE ON "Post"
  WHEN old."status" = 'published' AND old."rootId" IS NULL BEGIN
  INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

-- One trigger, so that a question edited while published leaves the index before it enters it again.
CREATE TRIGGER "Post_question_search_update" AFTER UPDATE OF "bodySource", "status", "rootId" ON "Post" BEGIN
  INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "searchText")
    SELECT 'delete', old."id", old."searchText" WHERE old."status" = 'published' AND old."rootId" IS NULL;
  INSERT INTO "QuestionSearch" (rowid, "searchText")
    SELECT new."id", new."searchText" WHERE new."status" = 'published' AND new."rootId" IS NULL;
END;

INSERT INTO "QuestionSearch" (rowid, "searchText")
  SELECT "id", "searchText" FROM "Post" WHERE "status" = 'published' AND "rootId" IS NULL;
