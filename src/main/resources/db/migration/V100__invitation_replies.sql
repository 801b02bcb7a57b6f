-- Issue 15: what each invited client answered (iMIP REPLY, RFC 6047 / RFC 5546 3.2.3), read from the organizer
-- mailbox. Kept with the participant it belongs to; the SEQUENCE answered lets a later answer to the same version
-- replace an earlier one while an answer to an older version is ignored. decline_seen_at: when the trainer
-- dismissed the notice of a decline (null while it is still shown).
ALTER TABLE booking_participants
ADD COLUMN reply VARCHAR(10) CHECK (reply IN ('accepted', 'declined', 'tentative')),
ADD COLUMN reply_sequence INT,
ADD COLUMN replied_at TIMESTAMPTZ,
ADD COLUMN decline_seen_at TIMESTAMPTZ;
