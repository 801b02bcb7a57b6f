package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.PendingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one request a parked connection gets at a time: one held booking is reconciled with the parked calendar
 * allowed to send. Its answer decides for all the held work: a success closes the breaker and releases it
 * ({@link Breaker#close}), a transient failure parks the connection again with a longer, jittered wait.
 */
@Component
class Probe {

    private final ConnectionStore connections;
    private final PendingStore pending;
    private final ReconcileJob job;
    private final Breaker breaker;
    private final Clock clock;

    Probe(ConnectionStore connections, PendingStore pending, ReconcileJob job, Breaker breaker, Clock clock) {
        this.connections = connections;
        this.pending = pending;
        this.job = job;
        this.breaker = breaker;
        this.clock = clock;
    }

    /** @return when to probe again (still parked); empty when the breaker is closed or the connection gone */
    Optional<Instant> run(UUID trainerId, Provider provider) {
        Optional<ConnectionStore.Stored> stored = connections.find(trainerId, provider);
        if (stored.isEmpty() || stored.get().parkedUntil() == null
                || stored.get().state() != ConnectionStore.State.ACTIVE) {
            return Optional.empty(); // closed by a reconnect, refused credentials (needs the trainer), or gone
        }
        if (stored.get().parkedUntil().isAfter(clock.instant())) {
            return Optional.of(stored.get().parkedUntil());
        }
        UUID held = pending.firstHeld(trainerId);
        if (held == null) {
            // nothing waits for this calendar: nothing to test it with, and nothing is lost by closing
            breaker.close(trainerId, provider, true);
            return Optional.empty();
        }
        job.run(trainerId, held, 0, provider);
        return connections.find(trainerId, provider).map(ConnectionStore.Stored::parkedUntil);
    }
}
