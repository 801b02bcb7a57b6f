package app.spotter.sync.engine;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingStatus;
import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarEvents;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.Mirror;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Disconnect and remove events" (DESIGN 6), worked off by the engine: the disconnect only marks the connection
 * as draining; this job takes Spotter's events out of the calendar a batch at a time, outside any transaction,
 * and deletes the connection once no mirror row is left. A calendar that fails transiently is retried with
 * backoff; one that refuses the credentials stops the draining until the trainer reconnects or disconnects
 * without removing events.
 */
@Component
class Drainer {

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);
    static final int BATCH = 50;

    private final ConnectionStore connections;
    private final MirrorStore mirrors;
    private final StatusStore status;
    private final ProviderRegistry registry;
    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final CalendarEvents events;
    private final TransactionTemplate tx;
    private final app.spotter.booking.BookingSeries series;

    Drainer(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry,
            Bookings bookings, Clients clients, Preferences preferences, CalendarEvents events,
            PlatformTransactionManager transactions, app.spotter.booking.BookingSeries series) {
        this.series = series;
        this.connections = connections;
        this.mirrors = mirrors;
        this.status = status;
        this.registry = registry;
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @return when to run again: zero for the next batch, a backoff after a transient failure; empty when done */
    Optional<Duration> run(UUID trainerId, Provider provider, int attempt) {
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        if (stored.isEmpty() || stored.get().state() != ConnectionStore.State.DRAINING) {
            return Optional.empty(); // reconnected meanwhile (the rows are reconciled again), or already gone
        }
        Connection connection = stored.get().connection();
        CalendarProvider adapter = registry.find(provider).orElseThrow();
        SyncPreferences prefs = preferences.get(trainerId);
        for (UUID bookingId : mirrors.bookingsMirrored(trainerId, provider, BATCH)) {
            Mirror mirror = mirrors.find(trainerId, bookingId, provider).orElse(null);
            Booking booking = bookings.findIncludingDeleted(trainerId, bookingId).orElse(null);
            if (mirror != null && booking != null) {
                CalendarEvent event = event(trainerId, booking, prefs);
                try {
                    adapter.remove(connection, event, mirror.remote());
                } catch (SyncFailure failure) {
                    Optional<Duration> stop = answer(trainerId, provider, failure, attempt);
                    if (stop != null) {
                        return stop;
                    }
                }
            }
            mirrors.delete(trainerId, bookingId, provider);
            if (booking != null && booking.status() == BookingStatus.DELETED && !mirrors.anyFor(trainerId, bookingId)) {
                bookings.purgeDeleted(trainerId, bookingId); // its reconcile job left it for this drain
            }
        }
        if (mirrors.anyFor(trainerId, provider)) {
            return Optional.of(Duration.ZERO);
        }
        tx.executeWithoutResult(t -> {
            if (connections.deleteIfDraining(trainerId, provider)) {
                status.delete(trainerId, provider);
                preferences.update(trainerId, p -> registry.withEnabled(p, provider, false));
            }
        });
        return Optional.empty();
    }

    /**
     * What the calendar holds for this booking: for a series' anchor the whole series (one object, one UID), so
     * that email cancels the series rather than its first session alone; else the booking's own event.
     */
    private CalendarEvent event(UUID trainerId, Booking booking, SyncPreferences prefs) {
        if (booking.seriesId() != null) {
            Optional<CalendarEvent> whole = series.ofSession(trainerId, booking.id())
                    .filter(s -> s.series().anchorBookingId().equals(booking.id()))
                    .map(s -> events.ofSeries(s, id -> clients.find(trainerId, id), prefs));
            if (whole.isPresent()) {
                return whole.get();
            }
        }
        return events.of(booking, id -> clients.find(trainerId, id), prefs);
    }

    /** @return null to go on with the next event (this one is given up), else how the run ends */
    private Optional<Duration> answer(UUID trainerId, Provider provider, SyncFailure failure, int attempt) {
        return switch (failure.kind()) {
            case TRANSIENT -> {
                status.failed(trainerId, provider, SyncStatus.ERROR, failure.getMessage()
                        + " Spotter will keep trying to remove its events.");
                yield Optional.of(Backoff.delay(attempt + 1, failure.retryAfter(), ThreadLocalRandom.current()));
            }
            case AUTH -> {
                status.failed(trainerId, provider, SyncStatus.NEEDS_RECONNECT, failure.getMessage()
                        + " Spotter could not remove its remaining events: reconnect, or disconnect without "
                        + "removing events.");
                yield Optional.empty();
            }
            case PERMANENT -> {
                // the calendar refuses this one for good; keeping the row would keep the connection for ever
                log.warn("{} refused to remove an event for trainer {}: {}", provider.value(), trainerId,
                        failure.getMessage());
                yield null;
            }
        };
    }
}
