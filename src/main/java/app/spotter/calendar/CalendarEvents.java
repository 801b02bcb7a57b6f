package app.spotter.calendar;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingStatus;
import app.spotter.client.Client;
import app.spotter.preferences.SyncPreferences;
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

    public CalendarEvent of(Booking booking, Client client, SyncPreferences preferences) {
        BookingDetails d = booking.details();
        String clientName = client == null ? null : client.displayName();
        return new CalendarEvent(booking.id(), booking.trainerId(), d.clientId(), booking.id() + "@" + uidDomain,
                CalendarObjects.summaryFor(d.sessionType(), clientName, preferences.showClientNames()), d.sessionType(), d.location(),
                d.startsAt(), d.endsAt(), preferences.timezoneDisplay(),
                preferences.colorFor(d.sessionType(), d.colorHex()), booking.sequence(),
                booking.status() != BookingStatus.SCHEDULED);
    }
}
