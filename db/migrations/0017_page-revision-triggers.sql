-- Page revisions (decision 025): every write that changes what a consultation's pages show moves
-- its row in page_revisions, in the same transaction, whichever connection writes.
CREATE TRIGGER `page_revision_consultations_insert` AFTER INSERT ON `consultations` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.id, 1 WHERE NEW.id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_consultations_update` AFTER UPDATE ON `consultations` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.id, 1 WHERE NEW.id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_consultation_rounds_insert` AFTER INSERT ON `consultation_rounds` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_consultation_rounds_update` AFTER UPDATE ON `consultation_rounds` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL AND OLD.consultation_id IS NOT NEW.consultation_id ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_consultation_rounds_delete` AFTER DELETE ON `consultation_rounds` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_documents_insert` AFTER INSERT ON `documents` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_documents_update` AFTER UPDATE ON `documents` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL AND OLD.consultation_id IS NOT NEW.consultation_id ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_documents_delete` AFTER DELETE ON `documents` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_document_versions_insert` AFTER INSERT ON `document_versions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM documents WHERE id = NEW.document_id), 1 WHERE (SELECT consultation_id FROM documents WHERE id = NEW.document_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_document_versions_update` AFTER UPDATE ON `document_versions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM documents WHERE id = NEW.document_id), 1 WHERE (SELECT consultation_id FROM documents WHERE id = NEW.document_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_document_versions_delete` AFTER DELETE ON `document_versions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM documents WHERE id = OLD.document_id), 1 WHERE (SELECT consultation_id FROM documents WHERE id = OLD.document_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_outline_nodes_insert` AFTER INSERT ON `outline_nodes` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_outline_nodes_update` AFTER UPDATE ON `outline_nodes` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_outline_nodes_delete` AFTER DELETE ON `outline_nodes` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = OLD.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = OLD.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_node_translations_insert` AFTER INSERT ON `node_translations` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_node_translations_update` AFTER UPDATE ON `node_translations` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = NEW.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_node_translations_delete` AFTER DELETE ON `node_translations` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = OLD.version_id), 1 WHERE (SELECT d.consultation_id FROM document_versions dv JOIN documents d ON d.id = dv.document_id WHERE dv.id = OLD.version_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_comments_insert` AFTER INSERT ON `comments` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_comments_update` AFTER UPDATE ON `comments` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL AND OLD.consultation_id IS NOT NEW.consultation_id ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_comments_delete` AFTER DELETE ON `comments` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_endorsements_insert` AFTER INSERT ON `endorsements` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM comments WHERE id = NEW.comment_id), 1 WHERE (SELECT consultation_id FROM comments WHERE id = NEW.comment_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_endorsements_update` AFTER UPDATE ON `endorsements` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM comments WHERE id = NEW.comment_id), 1 WHERE (SELECT consultation_id FROM comments WHERE id = NEW.comment_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_endorsements_delete` AFTER DELETE ON `endorsements` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT (SELECT consultation_id FROM comments WHERE id = OLD.comment_id), 1 WHERE (SELECT consultation_id FROM comments WHERE id = OLD.comment_id) IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_dispositions_insert` AFTER INSERT ON `dispositions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_dispositions_update` AFTER UPDATE ON `dispositions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL AND OLD.consultation_id IS NOT NEW.consultation_id ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_dispositions_delete` AFTER DELETE ON `dispositions` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_meetings_insert` AFTER INSERT ON `meetings` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_meetings_update` AFTER UPDATE ON `meetings` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT NEW.consultation_id, 1 WHERE NEW.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL AND OLD.consultation_id IS NOT NEW.consultation_id ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_meetings_delete` AFTER DELETE ON `meetings` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT OLD.consultation_id, 1 WHERE OLD.consultation_id IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_users_update` AFTER UPDATE OF display_name, country_code, unesco_region, electoral_group, stakeholder_group_id, organisation, responds_for, pseudonymous ON `users` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT 0, 1 WHERE 0 IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_users_delete` AFTER DELETE ON `users` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT 0, 1 WHERE 0 IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_stakeholder_groups_insert` AFTER INSERT ON `stakeholder_groups` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT 0, 1 WHERE 0 IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_stakeholder_groups_update` AFTER UPDATE ON `stakeholder_groups` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT 0, 1 WHERE 0 IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_revision_stakeholder_groups_delete` AFTER DELETE ON `stakeholder_groups` BEGIN
  INSERT INTO page_revisions (consultation_id, revision) SELECT 0, 1 WHERE 0 IS NOT NULL ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1;
END;
