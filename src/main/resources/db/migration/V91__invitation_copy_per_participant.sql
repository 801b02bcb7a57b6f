-- Issue 16: each participant of a group session gets a copy of their own, so a booking has one client copy per
-- client (and still one trainer copy, whose client_id is null).
ALTER TABLE email_invitation_copies DROP CONSTRAINT email_invitation_copies_pkey;
CREATE UNIQUE INDEX uq_email_invitation_copies_place ON email_invitation_copies
    (booking_id, recipient, COALESCE(client_id, '00000000-0000-0000-0000-000000000000'::uuid));
