CREATE TABLE `address_allowances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`range` text NOT NULL,
	`label` text NOT NULL,
	`created_by_id` integer,
	`created_by_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by_id` integer,
	`revoked_by_name` text,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `address_allowances_expires_idx` ON `address_allowances` (`expires_at`);