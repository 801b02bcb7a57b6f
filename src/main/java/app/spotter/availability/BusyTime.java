package app.spotter.availability;

import java.time.Instant;
import java.util.UUID;

/** A stored busy interval of one of the trainer's calendars: when, and which calendar; never a title. */
public record BusyTime(Instant startsAt, Instant endsAt, UUID calendarId, boolean allDay) {}
