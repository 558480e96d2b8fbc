-- PostgreSQL equivalent of SQLite's 0017_page-revision-triggers (decisions 025 and 035): every
-- write that changes what a consultation's pages show moves its row in page_revisions, in the
-- writing transaction, whichever connection writes. Same trigger names and tables as SQLite; the
-- bodies are shared functions, told by a trigger argument how to find the consultation.
CREATE FUNCTION "page_revision_bump"(target integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "page_revisions" ("consultation_id", "revision") SELECT target, 1 WHERE target IS NOT NULL
  ON CONFLICT ("consultation_id") DO UPDATE SET "revision" = "page_revisions"."revision" + 1;
$$;
--> statement-breakpoint
-- TG_ARGV[0]: how the row names its consultation. 'id' (the consultations table itself) or a
-- column holding it: moves that consultation; on an update that moved the row, the old one too.
-- 'document_id', 'version_id', 'comment_id': looked up through that parent, like SQLite's
-- subqueries. 'all': row 0, the revision of every page (public names, stakeholder groups).
CREATE FUNCTION "page_revision_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  how text := TG_ARGV[0];
  new_id integer;
  old_id integer;
BEGIN
  IF how = 'all' THEN
    PERFORM "page_revision_bump"(0);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_id := "page_revision_consultation_of"(how, to_jsonb(NEW));
    PERFORM "page_revision_bump"(new_id);
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "page_revision_bump"("page_revision_consultation_of"(how, to_jsonb(OLD)));
  ELSIF TG_OP = 'UPDATE' AND how IN ('id', 'consultation_id') THEN
    old_id := "page_revision_consultation_of"(how, to_jsonb(OLD));
    IF old_id IS DISTINCT FROM new_id THEN
      PERFORM "page_revision_bump"(old_id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "page_revision_consultation_of"(how text, row_data jsonb) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE how
    WHEN 'id' THEN (row_data ->> 'id')::integer
    WHEN 'consultation_id' THEN (row_data ->> 'consultation_id')::integer
    WHEN 'document_id' THEN (SELECT d."consultation_id" FROM "documents" d WHERE d."id" = (row_data ->> 'document_id')::integer)
    WHEN 'version_id' THEN (
      SELECT d."consultation_id" FROM "document_versions" dv JOIN "documents" d ON d."id" = dv."document_id"
      WHERE dv."id" = (row_data ->> 'version_id')::integer)
    WHEN 'comment_id' THEN (SELECT c."consultation_id" FROM "comments" c WHERE c."id" = (row_data ->> 'comment_id')::integer)
  END;
$$;
--> statement-breakpoint
CREATE TRIGGER "page_revision_consultations_insert" AFTER INSERT ON "consultations"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_consultations_update" AFTER UPDATE ON "consultations"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_consultation_rounds_insert" AFTER INSERT ON "consultation_rounds"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_consultation_rounds_update" AFTER UPDATE ON "consultation_rounds"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_consultation_rounds_delete" AFTER DELETE ON "consultation_rounds"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_documents_insert" AFTER INSERT ON "documents"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_documents_update" AFTER UPDATE ON "documents"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_documents_delete" AFTER DELETE ON "documents"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_document_versions_insert" AFTER INSERT ON "document_versions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('document_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_document_versions_update" AFTER UPDATE ON "document_versions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('document_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_document_versions_delete" AFTER DELETE ON "document_versions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('document_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_outline_nodes_insert" AFTER INSERT ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_outline_nodes_update" AFTER UPDATE ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_outline_nodes_delete" AFTER DELETE ON "outline_nodes"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_node_translations_insert" AFTER INSERT ON "node_translations"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_node_translations_update" AFTER UPDATE ON "node_translations"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_node_translations_delete" AFTER DELETE ON "node_translations"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('version_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_comments_insert" AFTER INSERT ON "comments"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_comments_update" AFTER UPDATE ON "comments"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_comments_delete" AFTER DELETE ON "comments"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_endorsements_insert" AFTER INSERT ON "endorsements"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('comment_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_endorsements_update" AFTER UPDATE ON "endorsements"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('comment_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_endorsements_delete" AFTER DELETE ON "endorsements"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('comment_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_dispositions_insert" AFTER INSERT ON "dispositions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_dispositions_update" AFTER UPDATE ON "dispositions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_dispositions_delete" AFTER DELETE ON "dispositions"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_meetings_insert" AFTER INSERT ON "meetings"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_meetings_update" AFTER UPDATE ON "meetings"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_meetings_delete" AFTER DELETE ON "meetings"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('consultation_id');
--> statement-breakpoint
CREATE TRIGGER "page_revision_users_update" AFTER UPDATE OF "display_name", "country_code", "unesco_region", "electoral_group", "stakeholder_group_id", "organisation", "responds_for", "pseudonymous" ON "users"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('all');
--> statement-breakpoint
CREATE TRIGGER "page_revision_users_delete" AFTER DELETE ON "users"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('all');
--> statement-breakpoint
CREATE TRIGGER "page_revision_stakeholder_groups_insert" AFTER INSERT ON "stakeholder_groups"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('all');
--> statement-breakpoint
CREATE TRIGGER "page_revision_stakeholder_groups_update" AFTER UPDATE ON "stakeholder_groups"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('all');
--> statement-breakpoint
CREATE TRIGGER "page_revision_stakeholder_groups_delete" AFTER DELETE ON "stakeholder_groups"
FOR EACH ROW EXECUTE FUNCTION "page_revision_moved"('all');
