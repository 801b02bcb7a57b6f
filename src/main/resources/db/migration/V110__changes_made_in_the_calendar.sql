-- Issue 15: changes a trainer makes in their own calendar come back to Spotter.
--
-- removed_there_at: the trainer deleted the event in that calendar. The session stays booked and the event stays
-- out of that calendar until the trainer chooses "Put it back" or cancels the session (never a silent cancel).
-- decided_etag: the calendar's etag of the last remote change Spotter decided on, so one change is decided (and
-- noticed) once, however many rounds see it before Spotter's answer is written.
ALTER TABLE calendar_events
    ADD COLUMN removed_there_at TIMESTAMPTZ,
    ADD COLUMN decided_etag TEXT;

-- What happened to a booking, for the trainer: moves and deletions made in a calendar, put-backs and why, client
-- replies. notice = the trainer should be told (a put-back, a deletion); seen_at = the notice was dismissed.
-- remote_etag: the calendar's version a change-made-there entry is about; a round and a push that both meet the
-- same change (a push in flight when it was made) record it once.
CREATE TABLE booking_activity (
    id         UUID PRIMARY KEY,
    trainer_id UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    booking_id UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    at         TIMESTAMPTZ NOT NULL,
    kind       TEXT NOT NULL,
    provider   TEXT,
    message    TEXT NOT NULL CHECK (length(message) <= 500),
    notice     BOOLEAN NOT NULL DEFAULT FALSE,
    seen_at    TIMESTAMPTZ,
    remote_etag TEXT
);
CREATE UNIQUE INDEX uq_booking_activity_remote_change ON booking_activity (booking_id, provider, remote_etag)
    WHERE remote_etag IS NOT NULL;
CREATE INDEX idx_booking_activity_booking ON booking_activity (trainer_id, booking_id, at);
CREATE INDEX idx_booking_activity_notices ON booking_activity (trainer_id, at) WHERE notice AND seen_at IS NULL;
