package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.PendingStore;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarEvents;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reconciles one booking with every calendar, as a fixed sequence of steps:
 * <ol>
 *   <li>read the pending generation (what this run is answering),</li>
 *   <li>build the desired event from the booking, its client and the preferences,</li>
 *   <li>per provider: decide ({@link ReconcileDecision}), then apply ({@link ProviderStep}),</li>
 *   <li>purge a deleted booking that no calendar holds any more,</li>
 *   <li>clear the pending row if nothing newer arrived; otherwise run again.</li>
 * </ol>
 * Level-triggered: the job reads current state, never the change that scheduled it, so running it twice sends
 * nothing the second time.
 */
@Component
class ReconcileJob {

    /** How the run ended, for the scheduler to act on. */
    sealed interface Outcome {
        record Done() implements Outcome {}

        record RunAgain() implements Outcome {}

        record RetryLater(Duration after) implements Outcome {}
    }

    private static final Logger log = LoggerFactory.getLogger(ReconcileJob.class);

    private final PendingStore pending;
    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final CalendarEvents events;
    private final MirrorStore mirrors;
    private final ProviderStep step;
    private final app.spotter.booking.BookingSeries series;

    ReconcileJob(PendingStore pending, Bookings bookings, Clients clients, Preferences preferences,
            CalendarEvents events, MirrorStore mirrors, ProviderStep step, app.spotter.booking.BookingSeries series) {
        this.series = series;
        this.pending = pending;
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.events = events;
        this.mirrors = mirrors;
        this.step = step;
    }

    /**
     * A single session's event; for a session of a series, the whole series' event when this is its anchor (the
     * series is one calendar object) and nothing for its other sessions (they live in the anchor's object).
     */
    private CalendarEvent desired(UUID trainerId, Booking b, SyncPreferences prefs) {
        if (b.seriesId() == null) {
            return events.of(b, id -> clients.find(trainerId, id), prefs);
        }
        return series.ofSession(trainerId, b.id())
                .filter(s -> s.series().anchorBookingId().equals(b.id()))
                .map(s -> events.ofSeries(s, id -> clients.find(trainerId, id), prefs))
                .orElse(null);
    }

    Outcome run(UUID trainerId, UUID bookingId, int attempt) {
        return run(trainerId, bookingId, attempt, null);
    }

    /** @param probing the parked connection this run probes (it alone may send there), or null */
    Outcome run(UUID trainerId, UUID bookingId, int attempt, Provider probing) {
        OptionalLong generation = pending.generation(trainerId, bookingId);
        SyncPreferences prefs = preferences.get(trainerId);
        Optional<Booking> booking = bookings.findIncludingDeleted(trainerId, bookingId);
        CalendarEvent desired = booking.map(b -> desired(trainerId, b, prefs)).orElse(null);

        Duration retry = null;
        boolean held = false;
        for (Provider provider : Provider.values()) {
            StepResult result = step.reconcile(trainerId, bookingId, provider, desired, prefs, attempt,
                    provider == probing);
            switch (result) {
                case StepResult.Settled settled -> { }
                case StepResult.Held h -> held = true;
                case StepResult.RetryIn in -> {
                    if (retry == null || in.after().compareTo(retry) > 0) {
                        retry = in.after();
                    }
                }
            }
        }
        if (retry != null) {
            log.debug("booking {} will be retried in {}", bookingId, retry);
            return new Outcome.RetryLater(retry);
        }
        if (held) {
            // a parked calendar still needs this booking: the work waits in sync_pending for the probe
            return pending.hold(trainerId, bookingId, generation.orElse(-1)) ? new Outcome.Done()
                    : new Outcome.RunAgain();
        }
        if (booking.isPresent() && booking.get().status() == BookingStatus.DELETED
                && !mirrors.anyFor(trainerId, bookingId)) {
            bookings.purgeDeleted(trainerId, bookingId);
        }
        if (generation.isPresent() && !pending.complete(trainerId, bookingId, generation.getAsLong())) {
            return new Outcome.RunAgain();
        }
        return new Outcome.Done();
    }
}
