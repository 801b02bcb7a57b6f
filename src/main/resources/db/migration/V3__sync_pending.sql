-- Level-triggered sync: a row here means "reconcile this booking with every enabled calendar". A change bumps
-- generation; the job deletes the row only if the generation it read is still current, so a change that lands
-- while the job runs is never lost. due_at NULL = waiting for a manual "sync now".
CREATE TABLE sync_pending (
    booking_id  UUID PRIMARY KEY,
    trainer_id  UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    generation  BIGINT NOT NULL DEFAULT 1,
    due_at      TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_sync_pending_trainer ON sync_pending(trainer_id);
CREATE INDEX idx_sync_pending_due ON sync_pending(due_at);

-- active | needs_reconnect: a connection whose credentials were refused stops being used until reconnected
ALTER TABLE sync_connections ADD COLUMN state VARCHAR(20) NOT NULL DEFAULT 'active';

CREATE INDEX idx_calendar_events_external ON calendar_events(trainer_id, provider, external_event_id);
