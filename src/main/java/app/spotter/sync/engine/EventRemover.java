package app.spotter.sync.engine;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.Mirror;

import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarEvents;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Disconnect and remove events": takes every event Spotter wrote out of a calendar before the connection goes.
 * A calendar that cannot be reached refuses the disconnect, so no event is orphaned without the trainer knowing.
 */
@Component
class EventRemover {

    private final MirrorStore mirrors;
    private final ProviderRegistry registry;
    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final CalendarEvents events;

    EventRemover(MirrorStore mirrors, ProviderRegistry registry, Bookings bookings, Clients clients,
            Preferences preferences, CalendarEvents events) {
        this.mirrors = mirrors;
        this.registry = registry;
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.events = events;
    }

    void removeAll(Connection connection) {
        UUID trainerId = connection.trainerId();
        CalendarProvider adapter = registry.find(connection.provider()).orElseThrow();
        var prefs = preferences.get(trainerId);
        for (UUID bookingId : mirrors.bookingsMirrored(trainerId, connection.provider())) {
            Mirror mirror = mirrors.find(trainerId, bookingId, connection.provider()).orElse(null);
            var booking = bookings.findIncludingDeleted(trainerId, bookingId).orElse(null);
            if (mirror == null || booking == null) {
                continue;
            }
            CalendarEvent event = events.of(booking, clients.find(trainerId, booking.details().clientId())
                    .orElse(null), prefs);
            try {
                adapter.remove(connection, event, mirror.remote());
            } catch (SyncFailure failure) {
                throw new app.spotter.support.web.ApiProblem(org.springframework.http.HttpStatus.BAD_GATEWAY,
                        "Calendar unavailable", "Could not remove Spotter's events: " + failure.getMessage()
                        + " Nothing was disconnected; try again later.", java.util.List.of());
            }
            mirrors.delete(trainerId, bookingId, connection.provider());
        }
    }
}
