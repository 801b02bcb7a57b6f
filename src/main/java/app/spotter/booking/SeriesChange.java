package app.spotter.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a PATCH of a series changes; null (or a false {@code set...}) keeps the series' own value.
 *
 * @param startsAt the new start of the first session in scope (its local time becomes the series' time)
 */
public record SeriesChange(UUID clientId, SessionType sessionType, boolean setLocation, String location,
        boolean setNotes, String notes, boolean setColor, String colorHex, Instant startsAt, Duration duration,
        Recurrence recurrence, boolean skipConflicts) {

    /** A change of time, length or rule: the sessions themselves move, so the series is split. */
    boolean changesTime() {
        return startsAt != null || duration != null || recurrence != null;
    }

    /** The template with this change applied ({@link #template()} carries only the client for checks). */
    BookingDetails applyTo(BookingDetails t) {
        return new BookingDetails(clientId != null ? clientId : t.clientId(), t.startsAt(), t.endsAt(),
                sessionType != null ? sessionType : t.sessionType(), setLocation ? location : t.location(),
                setNotes ? notes : t.notes(), setColor ? colorHex : t.colorHex());
    }

    BookingDetails template() {
        return new BookingDetails(clientId, null, null, sessionType, null, null, null);
    }
}
