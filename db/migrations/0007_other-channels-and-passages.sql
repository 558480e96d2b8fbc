CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`channel` text NOT NULL,
	`title` text NOT NULL,
	`location` text,
	`region` text,
	`held_on` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_consultation_idx` ON `meetings` (`consultation_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`node_id` text,
	`version_id` integer,
	`parent_id` integer,
	`author_id` integer,
	`author_name` text NOT NULL,
	`author_pseudonymous` integer DEFAULT false NOT NULL,
	`author_country_code` text,
	`author_region` text NOT NULL,
	`author_electoral_group` text,
	`author_gender` text,
	`author_age_band` text,
	`author_stakeholder_group_id` integer NOT NULL,
	`stance` text,
	`language` text DEFAULT 'en' NOT NULL,
	`body` text NOT NULL,
	`proposed_text` text,
	`passage_quote` text,
	`passage_anchor` text,
	`channel` text DEFAULT 'online' NOT NULL,
	`meeting_id` integer,
	`import_batch_id` integer,
	`people_represented` integer DEFAULT 1 NOT NULL,
	`recorded_by_id` integer,
	`status` text DEFAULT 'visible' NOT NULL,
	`hidden_reason` text,
	`submission_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_stakeholder_group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit selected the new columns from the old table. Existing comments were all
-- typed online; their authors' gender and age band are copied from the profile as new comments do.
INSERT INTO `__new_comments`("id", "consultation_id", "node_id", "version_id", "parent_id", "author_id", "author_name", "author_pseudonymous", "author_country_code", "author_region", "author_electoral_group", "author_stakeholder_group_id", "stance", "language", "body", "proposed_text", "status", "hidden_reason", "submission_id", "created_at", "edited_at", "author_gender", "author_age_band") SELECT c."id", c."consultation_id", c."node_id", c."version_id", c."parent_id", c."author_id", c."author_name", c."author_pseudonymous", c."author_country_code", c."author_region", c."author_electoral_group", c."author_stakeholder_group_id", c."stance", c."language", c."body", c."proposed_text", c."status", c."hidden_reason", c."submission_id", c."created_at", c."edited_at", u."gender", u."age_band" FROM `comments` c LEFT JOIN `users` u ON u."id" = c."author_id";--> statement-breakpoint
DROP TABLE `comments`;--> statement-breakpoint
ALTER TABLE `__new_comments` RENAME TO `comments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_submission_unique` ON `comments` (`submission_id`);--> statement-breakpoint
CREATE INDEX `comments_node_idx` ON `comments` (`consultation_id`,`node_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_meeting_idx` ON `comments` (`meeting_id`);