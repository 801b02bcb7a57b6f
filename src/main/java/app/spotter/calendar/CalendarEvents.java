package app.spotter.calendar;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingStatus;
import app.spotter.client.Client;
import app.spotter.preferences.SyncPreferences;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a booking into the event every calendar shows, applying the trainer's preferences: client name only when
 * {@code show_client_names} allows it, the display zone, and the booking's colour or its session type's.
 */
@Component
public class CalendarEvents {

    private final String uidDomain;

    public CalendarEvents(@Value("${spotter.uid-domain:spotter.app}") String uidDomain) {
        this.uidDomain = uidDomain;
    }

    /** For a booking whose only participant is {@code client} (null when unknown). */
    public CalendarEvent of(Booking booking, Client client, SyncPreferences preferences) {
        return of(booking, (UUID id) -> id.equals(booking.details().clientId()) ? Optional.ofNullable(client)
                : Optional.<Client>empty(), preferences);
    }

    /**
     * @param clients looks up each participant (a client no longer known counts, but is not named)
     */
    public CalendarEvent of(Booking booking, Function<UUID, Optional<Client>> clients, SyncPreferences preferences) {
        BookingDetails d = booking.details();
        List<String> names = booking.clientIds().stream()
                .map(id -> clients.apply(id).map(Client::displayName).orElse(null)).toList();
        return new CalendarEvent(booking.id(), booking.trainerId(), d.clientId(), booking.id() + "@" + uidDomain,
                CalendarObjects.summaryFor(d.sessionType(), names, booking.capacity(),
                        preferences.showClientNames()), d.sessionType(), d.location(),
                d.startsAt(), d.endsAt(), preferences.timezoneDisplay(),
                preferences.colorFor(d.sessionType(), d.colorHex()), booking.sequence(),
                booking.status() != BookingStatus.SCHEDULED, booking.clientIds());
    }
}
