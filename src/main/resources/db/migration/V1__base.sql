-- Base tables the seed design assumes (trainers, clients, bookings), then the seed's calendar-sync migration
-- (shared/seed: tables, columns, defaults and indexes kept by name), then Spotter's own additions.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE trainers (
    id            UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name          VARCHAR(200) NOT NULL,
    email         VARCHAR(320) NOT NULL,
    password_hash TEXT NOT NULL,
    timezone      VARCHAR(100) NOT NULL DEFAULT 'Africa/Johannesburg',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE UNIQUE INDEX uq_trainers_email ON trainers (lower(email));

CREATE TABLE api_tokens (
    token_hash   BYTEA PRIMARY KEY,
    trainer_id   UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_used_at TIMESTAMPTZ
);
CREATE INDEX idx_api_tokens_trainer ON api_tokens(trainer_id);

CREATE TABLE clients (
    id                 UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    trainer_id         UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    first_name         VARCHAR(100) NOT NULL,
    last_name          VARCHAR(100) NOT NULL,
    email              VARCHAR(320),
    phone              VARCHAR(40),
    consent_given_at   TIMESTAMPTZ,
    deleted_at         TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_clients_trainer ON clients(trainer_id);

CREATE TABLE bookings (
    id          UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    trainer_id  UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    client_id   UUID NOT NULL REFERENCES clients(id),
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    location    VARCHAR(500),
    notes       TEXT,
    -- scheduled | cancelled | deleted (deleted rows stay until every calendar has dropped the event)
    status      VARCHAR(20) NOT NULL DEFAULT 'scheduled',
    -- iCalendar SEQUENCE (RFC 5545 3.8.7.4): raised by every change a calendar should notice
    sequence    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT ck_bookings_ends_after_starts CHECK (ends_at > starts_at),
    CONSTRAINT ck_bookings_status CHECK (status IN ('scheduled', 'cancelled', 'deleted')),
    -- the overlap rule, guarded by the database itself so two concurrent requests cannot both win
    CONSTRAINT ex_bookings_no_overlap EXCLUDE USING gist (
        trainer_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'scheduled')
);
CREATE INDEX idx_bookings_trainer_starts ON bookings(trainer_id, starts_at);
CREATE INDEX idx_bookings_client ON bookings(client_id);

-- ---- seed migration (20240327_calendar_sync_tables.sql) ----

CREATE TABLE calendar_sync_preferences (
    trainer_id UUID REFERENCES trainers(id) PRIMARY KEY,
    google_calendar_enabled BOOLEAN DEFAULT FALSE,
    apple_calendar_enabled BOOLEAN DEFAULT FALSE,
    email_calendar_enabled BOOLEAN DEFAULT FALSE,
    sync_frequency VARCHAR(20) DEFAULT 'realtime',
    calendar_view_default VARCHAR(20) DEFAULT 'month',
    show_client_names BOOLEAN DEFAULT TRUE,
    session_colors JSONB DEFAULT '{}',
    timezone_display VARCHAR(100) DEFAULT 'Africa/Johannesburg',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE calendar_sync_status (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    trainer_id UUID REFERENCES trainers(id),
    provider VARCHAR(50) NOT NULL,
    last_sync TIMESTAMPTZ,
    sync_status VARCHAR(20),
    events_synced INTEGER DEFAULT 0,
    error_message TEXT,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(trainer_id, provider)
);

CREATE TABLE calendar_events (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    booking_id UUID REFERENCES bookings(id),
    external_event_id VARCHAR(255) NOT NULL,
    provider VARCHAR(50) NOT NULL,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(booking_id, provider)
);

ALTER TABLE bookings
ADD COLUMN google_event_id VARCHAR(255),
ADD COLUMN apple_event_id VARCHAR(255),
ADD COLUMN session_type VARCHAR(50) DEFAULT 'one_on_one',
ADD COLUMN color_hex VARCHAR(7);

CREATE INDEX idx_calendar_sync_status_trainer ON calendar_sync_status(trainer_id);
CREATE INDEX idx_calendar_events_booking ON calendar_events(booking_id);
CREATE INDEX idx_bookings_session_type ON bookings(session_type);

-- ---- Spotter's additions to the seed tables ----

-- mirror state per (booking, provider): what we last wrote, so an unchanged booking costs no request
ALTER TABLE calendar_events
ADD COLUMN trainer_id UUID REFERENCES trainers(id),
ADD COLUMN etag TEXT,
ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0,
ADD COLUMN content_hash VARCHAR(64),
ADD COLUMN resource_url TEXT;
CREATE INDEX idx_calendar_events_trainer_provider ON calendar_events(trainer_id, provider);
