CREATE TABLE `node_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`node_id` text NOT NULL,
	`language` text NOT NULL,
	`text` text NOT NULL,
	`footnotes` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `node_translations_version_node_language_unique` ON `node_translations` (`version_id`,`node_id`,`language`);--> statement-breakpoint
ALTER TABLE `document_versions` ADD `language` text DEFAULT 'en' NOT NULL;