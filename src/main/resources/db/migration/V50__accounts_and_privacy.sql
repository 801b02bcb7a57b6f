-- Issue 12: accounts (named, listable, revocable, expiring API tokens; password change ends other sessions;
-- password reset links), POPIA (client erase keeps only anonymous counts; account deletion drains calendars first).

-- Tokens get an id to name them by (the hash is never shown) and a label the trainer chose.
ALTER TABLE api_tokens
ADD COLUMN id UUID NOT NULL DEFAULT uuid_generate_v4(),
ADD COLUMN name VARCHAR(100);
CREATE UNIQUE INDEX uq_api_tokens_id ON api_tokens(id);

-- Raised by every password change and reset: a browser session signed in under an older version is over.
ALTER TABLE trainers ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
-- Set when the trainer asked to delete the account: nobody can sign in any more, the sync engine removes every
-- pushed event, and the account's rows go once no calendar holds any of them.
ALTER TABLE trainers ADD COLUMN deleting_since TIMESTAMPTZ;

-- "Forgot password": single-use links, kept as SHA-256 of the token like every other secret we hand out.
CREATE TABLE password_resets (
    token_hash  BYTEA PRIMARY KEY,
    trainer_id  UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_password_resets_trainer ON password_resets(trainer_id);

-- Archive (reversible, hides the client) and erase (POPIA s24: personal information gone, counts kept).
ALTER TABLE clients
ADD COLUMN archived_at TIMESTAMPTZ,
ADD COLUMN erased_at TIMESTAMPTZ;
-- What is kept of an erased client: anonymous counts only (sessions booked, cancelled, by type).
ALTER TABLE clients ADD COLUMN erased_counts JSONB;
