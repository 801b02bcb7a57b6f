-- Working hours, time off and the trainer's busy calendars (issue 14). Busy intervals are stored without titles,
-- attendees or descriptions: only when, and which calendar (POPIA minimality, s10).

CREATE TABLE availability_hours (
    trainer_id          UUID PRIMARY KEY REFERENCES trainers(id) ON DELETE CASCADE,
    -- {"MO": [{"from": "06:00", "to": "12:00"}, ...], ...}; a weekday that is absent is a day off
    weekly              JSONB NOT NULL DEFAULT '{}',
    buffer_minutes      INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
    min_notice_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (min_notice_minutes BETWEEN 0 AND 43200),
    -- all-day events in busy calendars block only when the trainer says so
    all_day_blocks      BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE time_off (
    id          UUID PRIMARY KEY,
    trainer_id  UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    label       VARCHAR(200),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX idx_time_off_trainer ON time_off (trainer_id, starts_at);

-- One row per calendar of a connected account (CalDAV collection, Google calendarList entry).
CREATE TABLE busy_calendars (
    id                  UUID PRIMARY KEY,
    trainer_id          UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    provider            VARCHAR(50) NOT NULL,
    external_id         TEXT NOT NULL,
    name                VARCHAR(500) NOT NULL,
    busy                BOOLEAN NOT NULL,
    is_spotter_calendar BOOLEAN NOT NULL DEFAULT FALSE,
    -- ctag / sync-token / content fingerprint of the last read: an unchanged calendar is not read again
    read_state          TEXT,
    last_read           TIMESTAMPTZ,
    read_error          TEXT,
    UNIQUE (trainer_id, provider, external_id)
);

CREATE TABLE busy_intervals (
    calendar_id UUID NOT NULL REFERENCES busy_calendars(id) ON DELETE CASCADE,
    trainer_id  UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    all_day     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX idx_busy_intervals_trainer ON busy_intervals (trainer_id, starts_at);
