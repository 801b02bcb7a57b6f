package app.spotter.sync.engine;

import app.spotter.sync.store.ConnectionStore;

import app.spotter.booking.BookingEvent;
import app.spotter.client.ClientChanged;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.PreferencesChanged;
import app.spotter.preferences.SyncPreferences;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens, inside the transaction that made a change, and enqueues the calendar work in that same transaction:
 * the booking and its sync request commit or roll back together.
 */
@Component
class SyncTriggers {

    private final SyncQueue queue;
    private final Preferences preferences;
    private final ConnectionStore connections;
    private final app.spotter.booking.Bookings bookings;
    private final ProviderRegistry registry;
    private final app.spotter.booking.BookingSeries series;

    SyncTriggers(SyncQueue queue, Preferences preferences, ConnectionStore connections,
            app.spotter.booking.Bookings bookings, ProviderRegistry registry,
            app.spotter.booking.BookingSeries series) {
        this.registry = registry;
        this.series = series;
        this.queue = queue;
        this.preferences = preferences;
        this.connections = connections;
        this.bookings = bookings;
    }

    @EventListener
    void on(BookingEvent event) {
        if (!connections.anyFor(event.trainerId())) {
            // no calendar to tell: skip the job entirely (most of a booking write's cost); a deleted booking that
            // no calendar holds can go at once
            if (event instanceof BookingEvent.BookingDeleted deleted) {
                bookings.purgeDeleted(deleted.trainerId(), deleted.bookingId());
            }
            return;
        }
        // a series is one calendar object, known by its anchor: every session's change reconciles that object
        queue.booking(event.trainerId(), series.syncKey(event.trainerId(), event.bookingId()),
                preferences.get(event.trainerId()));
    }

    @EventListener
    void on(ClientChanged event) {
        if (!connections.anyFor(event.trainerId())) {
            return;
        }
        queue.client(event.trainerId(), event.clientId(), preferences.get(event.trainerId()));
    }

    @EventListener
    void on(PreferencesChanged event) {
        SyncPreferences before = event.before();
        SyncPreferences after = event.after();
        boolean turnedOn = registry.all().stream().anyMatch(a -> a.enabled(after) && !a.enabled(before));
        if (turnedOn || after.changesEventContent(before) || after.syncFrequency() != before.syncFrequency()) {
            if (connections.anyFor(after.trainerId())) {
                queue.everything(after.trainerId(), after);
            }
        }
    }
}
