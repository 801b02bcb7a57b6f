package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncStatus;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.PendingStore;
import app.spotter.sync.store.StatusStore;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Applies {@link BreakerDecision} to the connection row, the held work and the probe task. */
@Component
class Breaker {

    private static final Logger log = LoggerFactory.getLogger(Breaker.class);

    private final ConnectionStore connections;
    private final PendingStore pending;
    private final StatusStore status;
    private final SyncQueue queue;
    private final Clock clock;
    private final BreakerDecision.Policy policy;

    Breaker(ConnectionStore connections, PendingStore pending, StatusStore status, SyncQueue queue, Clock clock,
            @Value("${spotter.sync.breaker.threshold:5}") int threshold,
            @Value("${spotter.sync.breaker.probe-base:PT30S}") Duration probeBase,
            @Value("${spotter.sync.breaker.probe-ceiling:PT30M}") Duration probeCeiling) {
        this.connections = connections;
        this.pending = pending;
        this.status = status;
        this.queue = queue;
        this.clock = clock;
        this.policy = new BreakerDecision.Policy(threshold, probeBase, probeCeiling);
    }

    static BreakerDecision.State state(ConnectionStore.Stored stored) {
        return new BreakerDecision.State(stored.failures(), stored.parkedUntil(), stored.probeAttempt());
    }

    boolean maySend(ConnectionStore.Stored stored, boolean probing) {
        return switch (BreakerDecision.beforeSend(state(stored), probing)) {
            case BreakerDecision.Gate.Send send -> true;
            case BreakerDecision.Gate.Hold hold -> false;
        };
    }

    void succeeded(UUID trainerId, Provider provider, ConnectionStore.Stored stored) {
        switch (BreakerDecision.afterSuccess(state(stored))) {
            case BreakerDecision.Verdict.Quiet quiet -> { }
            case BreakerDecision.Verdict.Close close -> close(trainerId, provider, stored.parkedUntil() != null);
            case BreakerDecision.Verdict.Retry retry -> throw new IllegalStateException("not after a success");
            case BreakerDecision.Verdict.Park park -> throw new IllegalStateException("not after a success");
        }
    }

    /** Closes the breaker; held work goes out now (the probe got through, so the calendar answers again). */
    void close(UUID trainerId, Provider provider, boolean wasParked) {
        connections.closeBreaker(trainerId, provider);
        if (wasParked) {
            var now = clock.instant();
            var released = pending.release(trainerId, now);
            released.forEach(id -> queue.schedule(trainerId, id, now));
            log.info("{} answers again for trainer {}; {} held changes released", provider.value(), trainerId,
                    released.size());
        }
    }

    /** One transient failure: counted (one statement), then retried alone or parked; the status says which. */
    StepResult failed(UUID trainerId, Provider provider, boolean probing, int attempt, SyncFailure failure) {
        var counted = connections.countFailure(trainerId, provider);
        if (counted.isEmpty()) {
            return StepResult.SETTLED; // disconnected meanwhile
        }
        var row = counted.get();
        var verdict = BreakerDecision.afterTransientFailure(
                new BreakerDecision.State(row.failures(), row.parkedUntil(), row.probeAttempt()), probing, attempt,
                failure.retryAfter(), clock.instant(), policy, ThreadLocalRandom.current());
        return switch (verdict) {
            case BreakerDecision.Verdict.Retry retry -> {
                status.failed(trainerId, provider, SyncStatus.ERROR,
                        failure.getMessage() + " Spotter will retry automatically.");
                yield new StepResult.RetryIn(retry.after());
            }
            case BreakerDecision.Verdict.Park park -> {
                if (connections.park(trainerId, provider, park.probeAt(), park.probeAttempt(), probing)) {
                    status.failed(trainerId, provider, SyncStatus.ERROR, failure.getMessage() + " Spotter has paused "
                            + "sending to this calendar and tries it again now and then, one request at a time; "
                            + "waiting changes go out when it answers.");
                    if (!probing) {
                        queue.probe(trainerId, provider, park.probeAt());
                    }
                    log.info("{} parked for trainer {} after {} failures; probe {} at {}", provider.value(),
                            trainerId, row.failures(), park.probeAttempt(), park.probeAt());
                }
                yield StepResult.HELD;
            }
            case BreakerDecision.Verdict.Quiet quiet -> throw new IllegalStateException("not after a failure");
            case BreakerDecision.Verdict.Close close -> throw new IllegalStateException("not after a failure");
        };
    }
}
