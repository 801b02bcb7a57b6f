-- What each recipient holds of a series, part by part (master, overrides, exclusions), so that a change of one
-- session is sent as one message about that session (RECURRENCE-ID) rather than the whole series again.
-- Null for single sessions and for copies sent before this column: those get the whole series on their next change.
ALTER TABLE email_invitation_copies ADD COLUMN series_parts TEXT;
