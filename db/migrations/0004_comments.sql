CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`node_id` text,
	`version_id` integer,
	`parent_id` integer,
	`author_id` integer,
	`author_name` text NOT NULL,
	`author_pseudonymous` integer DEFAULT false NOT NULL,
	`author_country_code` text NOT NULL,
	`author_region` text NOT NULL,
	`author_electoral_group` text NOT NULL,
	`author_stakeholder_group_id` integer NOT NULL,
	`stance` text,
	`body` text NOT NULL,
	`proposed_text` text,
	`status` text DEFAULT 'visible' NOT NULL,
	`submission_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_stakeholder_group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comments_submission_unique` ON `comments` (`submission_id`);--> statement-breakpoint
CREATE INDEX `comments_node_idx` ON `comments` (`consultation_id`,`node_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `endorsements` (
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endorsements_unique` ON `endorsements` (`comment_id`,`user_id`);