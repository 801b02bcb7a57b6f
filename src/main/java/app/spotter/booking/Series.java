package app.spotter.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A series of sessions: a weekly rule, the local time and zone it runs in, and what each session is (client, type,
 * location, colour, length). Its sessions are ordinary bookings carrying its id.
 *
 * @param anchorBookingId the series' first booking: calendars know the series by it (UID, resource, event id)
 * @param startDate the first session's date (DTSTART), always one of the rule's days
 * @param materialisedUntil occurrences starting before this have booking rows
 * @param skipped occurrences left out because they clashed
 */
public record Series(UUID id, UUID trainerId, UUID anchorBookingId, Recurrence recurrence, LocalDate startDate,
        LocalTime startTime, int durationMinutes, ZoneId zone, BookingDetails template, Instant materialisedUntil,
        List<SeriesPlan.Clash> skipped) {

    /** How far ahead an open-ended (or long) series has booking rows: 26 weeks (docs/api.md). */
    public static final Duration HORIZON = Duration.ofDays(26 * 7);

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** The first session's start (DTSTART). */
    public Instant firstStart() {
        return ZonedDateTime.of(startDate, startTime, zone).toInstant();
    }

    /** Every occurrence the rule gives before {@code before}, skipped ones included. */
    public List<Instant> starts(Instant before) {
        return recurrence.starts(startDate, startTime, zone, before);
    }

    /** The details a session starting at {@code start} has when nobody edited it on its own. */
    public BookingDetails detailsAt(Instant start) {
        BookingDetails t = template;
        return new BookingDetails(t.clientId(), start, start.plus(duration()), t.sessionType(), t.location(),
                t.notes(), t.colorHex());
    }

    /** The instant the rule's last occurrence starts (for UNTIL), or null when open-ended. */
    public Instant lastStart() {
        LocalDate last = recurrence.lastDate(startDate, startTime, zone);
        return last == null ? null : ZonedDateTime.of(last, startTime, zone).toInstant();
    }

    public List<Instant> skippedStarts() {
        return skipped.stream().map(SeriesPlan.Clash::startsAt).toList();
    }
}
