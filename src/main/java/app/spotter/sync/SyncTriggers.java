package app.spotter.sync;

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

    SyncTriggers(SyncQueue queue, Preferences preferences) {
        this.queue = queue;
        this.preferences = preferences;
    }

    @EventListener
    void on(BookingEvent event) {
        queue.booking(event.trainerId(), event.bookingId(), preferences.get(event.trainerId()));
    }

    @EventListener
    void on(ClientChanged event) {
        queue.client(event.trainerId(), event.clientId(), preferences.get(event.trainerId()));
    }

    @EventListener
    void on(PreferencesChanged event) {
        SyncPreferences before = event.before();
        SyncPreferences after = event.after();
        boolean turnedOn = after.googleCalendarEnabled() && !before.googleCalendarEnabled()
                || after.appleCalendarEnabled() && !before.appleCalendarEnabled()
                || after.emailCalendarEnabled() && !before.emailCalendarEnabled();
        if (turnedOn || after.changesEventContent(before) || after.syncFrequency() != before.syncFrequency()) {
            queue.everything(after.trainerId(), after);
        }
    }
}
