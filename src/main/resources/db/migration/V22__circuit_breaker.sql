-- Circuit breaker per connection (docs/architecture.md "Failures"). consecutive_failures counts transient
-- failures since the last success; at the threshold the connection is parked: parked_until is when the one probe
-- runs, probe_attempt how many probes have failed (the probe's backoff). A reconnect closes it.
ALTER TABLE sync_connections
    ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0,
    ADD COLUMN parked_until TIMESTAMPTZ,
    ADD COLUMN probe_attempt INT NOT NULL DEFAULT 0;

-- Work held for a parked connection: no job, no due time, released by the probe that finds the calendar back.
ALTER TABLE sync_pending ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX idx_sync_pending_held ON sync_pending (trainer_id) WHERE held;
