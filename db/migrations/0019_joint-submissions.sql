CREATE TABLE `joint_co_authors` (
	`joint_draft_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`joint_draft_id`) REFERENCES `joint_drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `joint_co_authors_unique` ON `joint_co_authors` (`joint_draft_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `joint_co_authors_user_idx` ON `joint_co_authors` (`user_id`);--> statement-breakpoint
CREATE TABLE `joint_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`node_id` text,
	`initiator_id` integer NOT NULL,
	`stance` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`proposed_text` text,
	`state` text DEFAULT 'drafting' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`saved_by_id` integer,
	`saved_at` integer,
	`comment_id` integer,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`initiator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `joint_drafts_consultation_idx` ON `joint_drafts` (`consultation_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `joint_drafts_comment_unique` ON `joint_drafts` (`comment_id`);--> statement-breakpoint
CREATE TABLE `joint_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`joint_draft_id` integer NOT NULL,
	`email` text,
	`single_use` integer DEFAULT true NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`used_at` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`joint_draft_id`) REFERENCES `joint_drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `joint_invitations_draft_idx` ON `joint_invitations` (`joint_draft_id`);--> statement-breakpoint
CREATE TABLE `joint_signatures` (
	`joint_draft_id` integer NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	`pseudonymous` integer DEFAULT false NOT NULL,
	`organisation` text,
	`country_code` text NOT NULL,
	`region` text NOT NULL,
	`electoral_group` text,
	`stakeholder_group_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`joint_draft_id`) REFERENCES `joint_drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`stakeholder_group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `joint_signatures_unique` ON `joint_signatures` (`joint_draft_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `joint_draft_id` integer;