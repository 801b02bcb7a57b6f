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
 * the series' object there ({@link RemovedOccurrences}); putting it back writes the series again with it. A whole
 * series deleted there is flagged on its object's row (under its first session): it is put back from any of its
 * sessions, or ended by cancelling the series, which lets the object go as any cancelled series does.
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

    /**
     * What waits for the trainer's choice (about one booking when given: its own event, its occurrence, and the
     * whole series it belongs to, listed under the series' first session).
     */
    List<MirrorStore.Removed> list(UUID trainerId, UUID bookingId) {
        java.time.Instant now = clock.instant();
        List<MirrorStore.Removed> all = new ArrayList<>(mirrors.removedThere(trainerId, bookingId, now));
        if (bookingId != null) {
            UUID anchor = series.syncKey(trainerId, bookingId);
            if (!anchor.equals(bookingId)) {
                all.addAll(mirrors.removedThere(trainerId, anchor, now));
            }
        }
        all.addAll(occurrences.list(trainerId, bookingId));
        all.sort(Comparator.comparing(MirrorStore.Removed::removedAt).reversed());
        return all;
    }

    /**
     * Puts back, in each calendar where it was deleted, the booking's own event, or its occurrence of a series, or
     * the whole series it belongs to (any session of it names the series).
     *
     * @return the calendars the event goes back to (empty: it was removed from none of them)
     */
    List<Provider> putBack(UUID trainerId, UUID bookingId, List<Provider> calendars) {
        UUID anchor = series.syncKey(trainerId, bookingId);
        List<Provider> back = new ArrayList<>();
        for (Provider provider : calendars) {
            // the object synced under the anchor: a single session's own event, or the whole series' object
            boolean object = mirrors.unflagRemoved(trainerId, anchor, provider);
            boolean occurrence = occurrences.unflag(trainerId, bookingId, provider);
            String calendar = SyncRound.calendarName(provider);
            if (object) {
                boolean wholeSeries = !anchor.equals(bookingId) || series.ofSession(trainerId, anchor).isPresent();
                activity.record(trainerId, anchor, BookingActivity.Kind.RESTORED_IN_CALENDAR, provider.value(),
                        (wholeSeries ? "The whole repeating series put back in " : "Put back in ") + calendar
                                + " by the trainer.", false, clock.instant());
            }
            if (occurrence) {
                activity.record(trainerId, bookingId, BookingActivity.Kind.RESTORED_IN_CALENDAR, provider.value(),
                        "Put back in " + calendar + " by the trainer.", false, clock.instant());
            }
            if (object || occurrence) {
                back.add(provider);
            }
        }
        if (!back.isEmpty()) {
            // a session of a series goes back with its series' object (synced under the series' anchor)
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
