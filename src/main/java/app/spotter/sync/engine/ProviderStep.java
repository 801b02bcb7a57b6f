package app.spotter.sync.engine;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;
import app.spotter.sync.store.Mirror;

import app.spotter.calendar.CalendarEvent;
import app.spotter.preferences.SyncPreferences;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One booking, one calendar: decide, apply with an exhaustive switch, and record the outcome in the mirror and
 * the status row. A failure is answered by its kind (docs/architecture.md); it never touches the booking itself.
 */
@Component
class ProviderStep {

    private static final Logger log = LoggerFactory.getLogger(ProviderStep.class);

    private final ConnectionStore connections;
    private final MirrorStore mirrors;
    private final StatusStore status;
    private final ProviderRegistry registry;

    ProviderStep(ConnectionStore connections, MirrorStore mirrors, StatusStore status, ProviderRegistry registry) {
        this.connections = connections;
        this.mirrors = mirrors;
        this.status = status;
        this.registry = registry;
    }

    /** @return a retry delay when the calendar failed transiently; empty when this calendar is settled */
    Optional<Duration> reconcile(UUID trainerId, UUID bookingId, Provider provider, CalendarEvent desired,
            SyncPreferences prefs, int attempt) {
        Optional<CalendarProvider> adapter = registry.find(provider);
        if (adapter.isEmpty() || !adapter.get().enabled(prefs)) {
            // an inactive calendar is always left alone (ReconcileDecision), so spare the two lookups: a job runs
            // per booking and per provider, and most trainers use one calendar (bulk pushes are round-trip bound)
            return Optional.empty();
        }
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        boolean active = stored.isPresent() && stored.get().state() == ConnectionStore.State.ACTIVE;
        Mirror mirror = mirrors.find(trainerId, bookingId, provider).orElse(null);
        SyncAction action = ReconcileDecision.decide(desired, mirror, active,
                event -> adapter.orElseThrow().fingerprint(stored.orElseThrow().connection(), event));
        if (action instanceof SyncAction.Nothing) {
            return Optional.empty();
        }
        Connection connection = stored.orElseThrow().connection();
        try {
            int delta = apply(adapter.orElseThrow(), connection, bookingId, action);
            status.pushed(trainerId, provider, delta);
            return Optional.empty();
        } catch (SyncFailure failure) {
            return answer(trainerId, provider, failure, attempt);
        } catch (MirrorStore.ConnectionGone gone) {
            // disconnected while this push was in flight: the calendar is no longer ours to track
            log.info("{} was disconnected for trainer {} during a push; nothing recorded", provider.value(),
                    trainerId);
            return Optional.empty();
        }
    }

    /** @return the change in the number of events this calendar holds (+1 created, -1 removed) */
    private int apply(CalendarProvider adapter, Connection connection, UUID bookingId, SyncAction action)
            throws SyncFailure {
        UUID trainerId = connection.trainerId();
        Provider provider = connection.provider();
        switch (action) {
            case SyncAction.Create create -> {
                // first note that the calendar may hold it: if the answer is lost (or Spotter dies) and the booking
                // is cancelled before a retry, the next run must still remove what the calendar may have stored
                mirrors.reserve(trainerId, bookingId, provider, adapter.externalId(create.event()));
                RemoteEvent remote = adapter.upsert(connection, create.event(), null);
                mirrors.save(trainerId, bookingId, provider, remote, create.contentHash(), create.event().sequence());
                return 1;
            }
            case SyncAction.Update update -> {
                RemoteEvent remote = adapter.upsert(connection, update.event(), update.previous().remote());
                mirrors.save(trainerId, bookingId, provider, remote, update.contentHash(), update.event().sequence());
                // a row without hash (reserved, or invalidated by drift) did not count as synced until now
                return update.previous().contentHash() == null ? 1 : 0;
            }
            case SyncAction.Remove remove -> {
                adapter.remove(connection, remove.event(), remove.previous().remote());
                mirrors.delete(trainerId, bookingId, provider);
                return remove.previous().contentHash() == null ? 0 : -1;
            }
            case SyncAction.Nothing nothing -> {
                return 0; // decided that the calendar already matches
            }
        }
    }

    private Optional<Duration> answer(UUID trainerId, Provider provider, SyncFailure failure, int attempt) {
        switch (failure.kind()) {
            case TRANSIENT -> {
                // 5xx, 429, timeouts, rate limits: the calendar will recover; keep the work and back off
                Duration delay = Backoff.delay(attempt + 1, failure.retryAfter(), ThreadLocalRandom.current());
                status.failed(trainerId, provider, SyncStatus.ERROR,
                        failure.getMessage() + " Spotter will retry automatically.");
                log.info("{} sync for trainer {} failed transiently; retrying in {}", provider.value(), trainerId,
                        delay);
                return Optional.of(delay);
            }
            case AUTH -> {
                // 401 / invalid_grant: retrying cannot help until the trainer reconnects; the pending work stays
                // and a reconnect reconciles everything (level-triggered)
                connections.markNeedsReconnect(trainerId, provider);
                status.failed(trainerId, provider, SyncStatus.NEEDS_RECONNECT, failure.getMessage());
                return Optional.empty();
            }
            case PERMANENT -> {
                status.failed(trainerId, provider, SyncStatus.ERROR, failure.getMessage());
                log.warn("{} refused a change for trainer {}: {}", provider.value(), trainerId, failure.getMessage());
                return Optional.empty();
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
