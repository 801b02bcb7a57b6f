-- Google's per-user quota (600 requests per minute) counted across every Spotter instance on this database: one
-- token bucket per trainer, refilled from the database's own clock, taken in one statement.
CREATE TABLE google_request_budget (
    trainer_id  UUID PRIMARY KEY REFERENCES trainers(id) ON DELETE CASCADE,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ NOT NULL
);
