-- A Google OAuth flow in progress: the state (hashed) names the trainer, and the PKCE verifier (sealed) proves the
-- callback belongs to the request we started. Kept in the database so any instance can answer the callback.
CREATE TABLE oauth_states (
    state_hash     BYTEA PRIMARY KEY,
    trainer_id     UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    code_verifier  BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_oauth_states_trainer ON oauth_states(trainer_id);
