CREATE TABLE `campaign_members` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_members_campaign_idx` ON `campaign_members` (`consultation_id`,`campaign_id`);--> statement-breakpoint
CREATE INDEX `campaign_members_followers_idx` ON `campaign_members` (`comment_id`) WHERE campaign_id <> comment_id;--> statement-breakpoint
CREATE TABLE `campaign_runs` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`comment_count` integer NOT NULL,
	`max_comment_id` integer NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
