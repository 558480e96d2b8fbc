ALTER TABLE `consultation_events` ADD `notified_at` integer;--> statement-breakpoint
CREATE INDEX `consultation_events_waiting_idx` ON `consultation_events` (`id`) WHERE notified_at is null;--> statement-breakpoint
UPDATE `consultation_events` SET `notified_at` = `created_at`;
