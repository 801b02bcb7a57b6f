-- Issue 16: the late-cancel window (a cancellation less than this many hours before the start counts as late),
-- and the trainer's private notes about a client. Notes live apart from the clients row on purpose: the Client
-- value that calendars, invitations and the feed are built from cannot carry them (POPIA s26).
CREATE TABLE attendance_rules (
    trainer_id        UUID PRIMARY KEY REFERENCES trainers(id) ON DELETE CASCADE,
    late_cancel_hours INT NOT NULL DEFAULT 24 CHECK (late_cancel_hours BETWEEN 0 AND 336),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE client_notes (
    client_id  UUID PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    trainer_id UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    notes      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_client_notes_trainer ON client_notes (trainer_id);
