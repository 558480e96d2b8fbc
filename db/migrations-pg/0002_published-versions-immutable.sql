-- PostgreSQL equivalent of SQLite's 0001_published-versions-immutable (decision 035): a published
-- version and its outline nodes cannot be changed or deleted, whatever code path tries. Same
-- message as SQLite's RAISE(ABORT), SQLSTATE 23000 (integrity constraint violation).
CREATE FUNCTION "document_version_published_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."published_at" IS NOT NULL THEN
    RAISE EXCEPTION 'document version is published and immutable' USING ERRCODE = '23000';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "document_versions_published_no_update" BEFORE UPDATE ON "document_versions"
FOR EACH ROW EXECUTE FUNCTION "document_version_published_guard"();
--> statement-breakpoint
CREATE TRIGGER "document_versions_published_no_delete" BEFORE DELETE ON "document_versions"
FOR EACH ROW EXECUTE FUNCTION "document_version_published_guard"();
--> statement-breakpoint
-- As in SQLite, an insert is judged by the new row's version, an update or delete by the old row's.
CREATE FUNCTION "outline_node_published_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  version_id integer := CASE WHEN TG_OP = 'INSERT' THEN NEW."version_id" ELSE OLD."version_id" END;
BEGIN
  IF (SELECT dv."published_at" FROM "document_versions" dv WHERE dv."id" = version_id) IS NOT NULL THEN
    RAISE EXCEPTION 'document version is published and immutable' USING ERRCODE = '23000';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "outline_nodes_published_no_insert" BEFORE INSERT ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "outline_node_published_guard"();
--> statement-breakpoint
CREATE TRIGGER "outline_nodes_published_no_update" BEFORE UPDATE ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "outline_node_published_guard"();
--> statement-breakpoint
CREATE TRIGGER "outline_nodes_published_no_delete" BEFORE DELETE ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "outline_node_published_guard"();
