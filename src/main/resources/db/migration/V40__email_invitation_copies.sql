-- What each recipient last received of a booking's email invitation: one row for the trainer's copy and one for
-- the client's. A copy is re-sent only when what it shows changes; a changed address or client gets a CANCEL at
-- the old address. The address is kept only while that person holds the invitation (POPIA s14).
CREATE TABLE email_invitation_copies (
    booking_id   UUID NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    trainer_id   UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    recipient    VARCHAR(10) NOT NULL CHECK (recipient IN ('trainer', 'client')),
    client_id    UUID,
    address      VARCHAR(320) NOT NULL,
    fingerprint  CHAR(64) NOT NULL,
    sequence     INT NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (booking_id, recipient)
);
CREATE INDEX email_invitation_copies_trainer_idx ON email_invitation_copies (trainer_id);
