CREATE TABLE `consultation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`detail` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consultation_events_consultation_idx` ON `consultation_events` (`consultation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `consultation_rounds` (
	`consultation_id` integer NOT NULL,
	`number` integer NOT NULL,
	`version_id` integer,
	`opened_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_rounds_unique` ON `consultation_rounds` (`consultation_id`,`number`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`call_to_participate` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`translations` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`commenter_group_ids` text DEFAULT '[]' NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "consultations_status_check" CHECK("__new_consultations"."status" in ('draft', 'scheduled', 'open', 'closed', 'results-published'))
);
--> statement-breakpoint
INSERT INTO `__new_consultations`("id", "slug", "title", "description", "status", "opens_at", "closes_at", "created_at") SELECT "id", "slug", "title", "description", "status", "opens_at", "closes_at", "created_at" FROM `consultations`;--> statement-breakpoint
INSERT INTO `consultation_rounds`("consultation_id", "number", "version_id", "opened_at") SELECT "id", 1, NULL, "opens_at" FROM `__new_consultations` WHERE "status" IN ('open', 'closed');--> statement-breakpoint
DROP TABLE `consultations`;--> statement-breakpoint
ALTER TABLE `__new_consultations` RENAME TO `consultations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_slug_unique` ON `consultations` (`slug`);--> statement-breakpoint
ALTER TABLE `comments` ADD `round` integer DEFAULT 1 NOT NULL;