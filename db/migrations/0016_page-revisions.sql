CREATE TABLE `page_revisions` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
