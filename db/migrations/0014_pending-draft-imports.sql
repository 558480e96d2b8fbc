CREATE TABLE `pending_draft_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`translation_language` text,
	`file` blob NOT NULL,
	`imported_outline` text NOT NULL,
	`corrections` text NOT NULL,
	`corrected_outline` text NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_draft_imports_expiry_idx` ON `pending_draft_imports` (`expires_at`);