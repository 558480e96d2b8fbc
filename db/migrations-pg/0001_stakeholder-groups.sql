-- The ten stakeholder groups every deployment starts with, as SQLite's 0003_accounts inserts them.
INSERT INTO "stakeholder_groups" ("slug", "name", "position") VALUES
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
