CREATE TABLE `consultation_experts` (
	`consultation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`lead` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_experts_unique` ON `consultation_experts` (`consultation_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`sent_at` integer,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`remember` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `stakeholder_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stakeholder_groups_slug_unique` ON `stakeholder_groups` (`slug`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'participant' NOT NULL,
	`country_code` text NOT NULL,
	`unesco_region` text NOT NULL,
	`electoral_group` text NOT NULL,
	`stakeholder_group_id` integer NOT NULL,
	`organisation` text,
	`responds_for` text DEFAULT 'individual' NOT NULL,
	`gender` text DEFAULT 'prefer-not-to-say' NOT NULL,
	`age_band` text DEFAULT 'prefer-not-to-say' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`pseudonymous` integer DEFAULT false NOT NULL,
	`consented_at` integer NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stakeholder_group_id`) REFERENCES `stakeholder_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('participant', 'moderator', 'secretariat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
INSERT INTO `stakeholder_groups` (`slug`, `name`, `position`) VALUES
	('member-state', 'Member State / government', 1),
	('intergovernmental', 'Intergovernmental or international organisation', 2),
	('civil-society', 'Civil society / NGO', 3),
	('academia', 'Academia and research', 4),
	('private-sector', 'Private sector', 5),
	('technical-community', 'Technical community', 6),
	('media', 'Media', 7),
	('individual', 'Individual / citizen', 8),
	('youth', 'Youth organisation', 9),
	('indigenous-peoples', 'Indigenous peoples'' organisation', 10);
