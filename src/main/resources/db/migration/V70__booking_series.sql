-- Recurring sessions (issue 13): a series is a weekly rule; every occurrence inside the materialised horizon is an
-- ordinary booking row carrying series_id, so the overlap rule, status machine, feed and history apply unchanged.
CREATE TABLE booking_series (
    id                 UUID PRIMARY KEY,
    trainer_id         UUID NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    -- the series' first booking: calendars know the whole series by it (one resource, one event id, one UID)
    anchor_booking_id  UUID NOT NULL,
    interval_weeks     INTEGER NOT NULL CHECK (interval_weeks BETWEEN 1 AND 52),
    -- ISO day numbers, Monday = 1
    days               SMALLINT[] NOT NULL,
    start_date         DATE NOT NULL,
    start_time         TIME NOT NULL,
    duration_minutes   INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    -- the trainer's zone when the series was made: occurrences are local times there (DST-correct)
    zone               VARCHAR(64) NOT NULL,
    until_date         DATE,
    occurrence_count   INTEGER CHECK (occurrence_count BETWEEN 1 AND 1000),
    -- occurrences starting before this instant have booking rows (the rolling horizon)
    materialised_until TIMESTAMPTZ NOT NULL,
    -- what every session of the series is unless edited one by one (those become RECURRENCE-ID overrides)
    client_id          UUID NOT NULL REFERENCES clients(id),
    session_type       VARCHAR(50) NOT NULL,
    location           VARCHAR(500),
    notes              TEXT,
    color_hex          VARCHAR(7),
    -- occurrences left out because they clashed (starts_at instants) and why, in step
    skipped_starts     TIMESTAMPTZ[] NOT NULL DEFAULT '{}',
    skipped_reasons    TEXT[] NOT NULL DEFAULT '{}',
    created_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CHECK (until_date IS NULL OR occurrence_count IS NULL)
);
CREATE INDEX idx_booking_series_trainer ON booking_series(trainer_id);
CREATE INDEX idx_booking_series_horizon ON booking_series(materialised_until);

ALTER TABLE bookings ADD COLUMN series_id UUID REFERENCES booking_series(id) ON DELETE CASCADE;
-- the instant the rule gave this occurrence (its RECURRENCE-ID, RFC 5545 3.8.4.4), kept when the session moves
ALTER TABLE bookings ADD COLUMN occurrence_start TIMESTAMPTZ;
-- one row per occurrence: a horizon extension run twice (or on two instances) inserts nothing the second time
CREATE UNIQUE INDEX ux_bookings_series_occurrence ON bookings(series_id, occurrence_start)
    WHERE series_id IS NOT NULL;
