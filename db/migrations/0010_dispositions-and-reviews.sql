CREATE TABLE `comment_reviews` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`assignee_id` integer,
	`comment_type` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comment_reviews_assignee_idx` ON `comment_reviews` (`consultation_id`,`assignee_id`);--> statement-breakpoint
CREATE TABLE `disposition_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`comment_id` integer,
	`group_key` text,
	`decision` text NOT NULL,
	`rationale` text NOT NULL,
	`target_node_ids` text NOT NULL,
	`decided_by_id` integer,
	`decided_by_name` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `disposition_history_comment_idx` ON `disposition_history` (`comment_id`);--> statement-breakpoint
CREATE TABLE `dispositions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`comment_id` integer,
	`group_key` text,
	`decision` text NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`target_node_ids` text DEFAULT '[]' NOT NULL,
	`decided_by_id` integer,
	`decided_by_name` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "dispositions_subject_check" CHECK(("dispositions"."comment_id" is null) <> ("dispositions"."group_key" is null)),
	CONSTRAINT "dispositions_decision_check" CHECK("dispositions"."decision" in ('accepted', 'accepted-in-part', 'noted', 'not-accepted', 'out-of-scope', 'duplicate'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispositions_comment_unique` ON `dispositions` (`comment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `dispositions_group_unique` ON `dispositions` (`consultation_id`,`group_key`);--> statement-breakpoint
CREATE INDEX `dispositions_consultation_idx` ON `dispositions` (`consultation_id`);