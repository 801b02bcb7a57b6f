-- A trainer's connection to a calendar provider. Secrets (app passwords, refresh tokens) are AES-256-GCM
-- ciphertext; settings holds the non-secret parts (server url, calendar url, username, addresses).
CREATE TABLE sync_connections (
    trainer_id   UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    provider     VARCHAR(50) NOT NULL,
    settings     JSONB NOT NULL DEFAULT '{}',
    secret       BYTEA,
    -- RFC 6578 sync-token (CalDAV) or Google nextSyncToken for incremental reads
    sync_token   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (trainer_id, provider)
);

-- The private subscription feed: only a SHA-256 of the token is stored.
CREATE TABLE feed_tokens (
    trainer_id  UUID PRIMARY KEY REFERENCES trainers(id) ON DELETE CASCADE,
    token_hash  BYTEA NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- db-scheduler's table (its documented PostgreSQL schema)
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
