CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "consultations_status_check" CHECK("consultations"."status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_slug_unique` ON `consultations` (`slug`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`source_format` text NOT NULL,
	`source_name` text,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_number_unique` ON `document_versions` (`document_id`,`number`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_slug_unique` ON `documents` (`slug`);--> statement-breakpoint
CREATE INDEX `documents_consultation_idx` ON `documents` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `outline_nodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`node_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`parent_node_id` text,
	`level` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`footnotes` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outline_nodes_kind_check" CHECK("outline_nodes"."kind" in ('heading', 'preambular', 'operative', 'paragraph', 'subparagraph', 'text'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outline_nodes_version_node_unique` ON `outline_nodes` (`version_id`,`node_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `outline_nodes_version_label_unique` ON `outline_nodes` (`version_id`,`label`);--> statement-breakpoint
CREATE UNIQUE INDEX `outline_nodes_version_position_unique` ON `outline_nodes` (`version_id`,`position`);