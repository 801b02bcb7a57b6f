-- Issue 16: a booking holds 1..capacity clients. bookings.client_id stays as the first participant (the one
-- every single-client reader, export and erase already knows); booking_participants lists them all, in order,
-- with each one's attendance.
CREATE TABLE booking_participants (
    booking_id           UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    trainer_id           UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    client_id            UUID NOT NULL REFERENCES clients(id),
    position             INT NOT NULL,
    -- null until the trainer marks it (or a cancellation inside the late-cancel window marks late_cancel)
    attendance           VARCHAR(20) CHECK (attendance IN ('attended', 'no_show', 'late_cancel')),
    attendance_marked_at TIMESTAMPTZ,
    added_at             TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (booking_id, client_id)
);
CREATE INDEX idx_booking_participants_client ON booking_participants (trainer_id, client_id);

-- every existing booking keeps its one client as its only participant
INSERT INTO booking_participants (booking_id, trainer_id, client_id, position, added_at)
SELECT id, trainer_id, client_id, 0, created_at FROM bookings;

-- capacity: null means the session type's default (group 8, others 1)
ALTER TABLE bookings
ADD COLUMN capacity INT CHECK (capacity BETWEEN 1 AND 100),
ADD COLUMN cancel_reason VARCHAR(500),
ADD COLUMN late_cancel BOOLEAN NOT NULL DEFAULT FALSE;
