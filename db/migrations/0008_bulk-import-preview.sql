CREATE TABLE `pending_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file` blob NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_imports_expiry_idx` ON `pending_imports` (`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `import_batches_file_unique` ON `import_batches` (`consultation_id`,`file_sha256`);