-- A mirror row (what a calendar holds of a booking) exists only while its connection does. Before this, a push
-- that finished after a disconnect wrote a row for a calendar that was no longer connected; that row kept a
-- deleted booking from being purged. Rows already orphaned that way go first.
DELETE FROM calendar_events e
 WHERE e.trainer_id IS NULL
    OR NOT EXISTS (SELECT 1 FROM sync_connections c WHERE c.trainer_id = e.trainer_id AND c.provider = e.provider);

ALTER TABLE calendar_events
    ADD CONSTRAINT calendar_events_connection_fk FOREIGN KEY (trainer_id, provider)
        REFERENCES sync_connections (trainer_id, provider) ON DELETE CASCADE;
