-- The trainer's consent to label busy blocks with the service they come from ("Busy (iCloud)"); off by default.
-- Only the service's name is ever shown: event titles are not stored at all.
ALTER TABLE availability_hours ADD COLUMN busy_shows_provider BOOLEAN NOT NULL DEFAULT FALSE;
