-- A published version is the record of what was consulted on: comments and decisions cite it.
-- The database itself refuses to change it, whatever code path tries.
CREATE TRIGGER `document_versions_published_no_update`
BEFORE UPDATE ON `document_versions` WHEN OLD.`published_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'document version is published and immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `document_versions_published_no_delete`
BEFORE DELETE ON `document_versions` WHEN OLD.`published_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'document version is published and immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `outline_nodes_published_no_insert`
BEFORE INSERT ON `outline_nodes`
WHEN (SELECT `published_at` FROM `document_versions` WHERE `id` = NEW.`version_id`) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'document version is published and immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `outline_nodes_published_no_update`
BEFORE UPDATE ON `outline_nodes`
WHEN (SELECT `published_at` FROM `document_versions` WHERE `id` = OLD.`version_id`) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'document version is published and immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `outline_nodes_published_no_delete`
BEFORE DELETE ON `outline_nodes`
WHEN (SELECT `published_at` FROM `document_versions` WHERE `id` = OLD.`version_id`) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'document version is published and immutable'); END;
