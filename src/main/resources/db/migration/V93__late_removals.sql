-- Issue 16: a client taken out of a group session inside the trainer's late-cancel window has cancelled late,
-- though they are no longer a participant; this keeps that fact for their attendance counts.
CREATE TABLE late_removals (
    booking_id UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    trainer_id UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    client_id  UUID NOT NULL REFERENCES clients(id),
    removed_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (booking_id, client_id)
);
CREATE INDEX idx_late_removals_client ON late_removals (trainer_id, client_id);
