-- Every write to what an article page shows tells the other app instances at
-- once: they LISTEN (app/articles/change-feed.server.ts) and render their kept
-- pages anew. NOTIFY is delivered at commit, once per transaction and
-- channel, and the channel names the schema, so that instances on other
-- schemas of the same server are not told. PostgreSQL only: a SQLite file
-- has one instance, which knows its own writes.
CREATE FUNCTION "afterword_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('afterword_changed:' || TG_TABLE_SCHEMA, '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Post_changed" AFTER INSERT OR UPDATE OR DELETE ON "Post"
  FOR EACH STATEMENT EXECUTE FUNCTION "afterword_notify_change"();
CREATE TRIGGER "Article_changed" AFTER INSERT OR UPDATE OR DELETE ON "Article"
  FOR EACH STATEMENT EXECUTE FUNCTION "afterword_notify_change"();
CREATE TRIGGER "Section_changed" AFTER INSERT OR UPDATE OR DELETE ON "Section"
  FOR EACH STATEMENT EXECUTE FUNCTION "afterword_notify_change"();
CREATE TRIGGER "User_changed" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "afterword_notify_change"();
