CREATE TABLE `collab_clients` (
	`doc_name` text NOT NULL,
	`client_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collab_clients_doc_client_unique` ON `collab_clients` (`doc_name`,`client_id`);--> statement-breakpoint
CREATE TABLE `collab_snapshots` (
	`doc_name` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`up_to_update_id` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `collab_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`update` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `collab_updates_doc_idx` ON `collab_updates` (`doc_name`,`id`);