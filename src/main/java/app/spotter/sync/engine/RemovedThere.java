package app.spotter.sync.engine;

import app.spotter.booking.BookingActivity;
import app.spotter.booking.BookingSeries;
import app.spotter.preferences.Preferences;
import app.spotter.sync.Provider;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.RemovedOccurrences;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Bookings whose event the trainer deleted in one of their calendars. The session stays booked and the event
 * stays out of that calendar until the trainer chooses: cancel the session (the booking's own cancel, which tells
 * the client and lets every calendar go) or put the event back (here). A session of a series is one occurrence of
 * the series' object there ({@link RemovedOccurrences}); putting it back writes the series again with it.
 */
@Component
class RemovedThere {

    private final MirrorStore mirrors;
    private final SyncQueue queue;
    private final Preferences preferences;
    private final BookingActivity activity;
    private final Clock clock;
    private final RemovedOccurrences occurrences;
    private final BookingSeries series;

    RemovedThere(MirrorStore mirrors, SyncQueue queue, Preferences preferences, BookingActivity activity,
            Clock clock, RemovedOccurrences occurrences, BookingSeries series) {
        this.occurrences = occurrences;
        this.series = series;
        this.mirrors = mirrors;
        this.queue = queue;
        this.preferences = preferences;
        this.activity = activity;
        this.clock = clock;
    }

    List<MirrorStore.Removed> list(UUID trainerId, UUID bookingId) {
        List<MirrorStore.Removed> all = new ArrayList<>(mirrors.removedThere(trainerId, bookingId));
        all.addAll(occurrences.list(trainerId, bookingId));
        all.sort(Comparator.comparing(MirrorStore.Removed::removedAt).reversed());
        return all;
    }

    /** @return the calendars the event goes back to (empty: it was removed from none of them) */
    List<Provider> putBack(UUID trainerId, UUID bookingId, List<Provider> calendars) {
        List<Provider> back = calendars.stream().filter(p -> mirrors.unflagRemoved(trainerId, bookingId, p)
                | occurrences.unflag(trainerId, bookingId, p)).toList();
        for (Provider provider : back) {
            activity.record(trainerId, bookingId, BookingActivity.Kind.RESTORED_IN_CALENDAR, provider.value(),
                    "Put back in " + SyncRound.calendarName(provider) + " by the trainer.", false, clock.instant());
        }
        if (!back.isEmpty()) {
            // a session of a series goes back with its series' object (synced under the series' anchor)
            UUID anchor = series.syncKey(trainerId, bookingId);
            if (!anchor.equals(bookingId)) {
                // the series as Spotter holds it is what it last wrote there (a calendar that keeps a deleted
                // occurrence apart from the series' own text, as Google's cancelled instance, was never written
                // with it left out), so only a forced write brings that occurrence back
                for (Provider provider : back) {
                    mirrors.find(trainerId, anchor, provider).ifPresent(m -> mirrors.invalidate(trainerId, provider,
                            m.remote().externalId()));
                }
            }
            queue.booking(trainerId, anchor, preferences.get(trainerId));
        }
        return back;
    }
}
