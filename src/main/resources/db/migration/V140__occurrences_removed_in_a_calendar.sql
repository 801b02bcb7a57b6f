-- Issue 15: one occurrence of a series deleted in a trainer's calendar (an EXDATE added there, or an override with
-- STATUS:CANCELLED). A series is one calendar object, so the flag cannot live on its calendar_events row: it is
-- kept per session and calendar. The session stays booked and that occurrence stays out of that calendar (Spotter
-- writes it as an EXDATE there) until the trainer cancels the session or puts it back (never a silent cancel).
CREATE TABLE calendar_removed_occurrences (
    booking_id UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    provider   TEXT NOT NULL,
    trainer_id UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    removed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (booking_id, provider)
);
CREATE INDEX idx_calendar_removed_occurrences_trainer ON calendar_removed_occurrences (trainer_id, removed_at);
