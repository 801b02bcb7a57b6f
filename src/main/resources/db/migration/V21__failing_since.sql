-- When a calendar started failing without a success since: a failure that lasts more than a day is told to the
-- trainer in words. Cleared by the next success.
ALTER TABLE calendar_sync_status ADD COLUMN failing_since TIMESTAMPTZ;
