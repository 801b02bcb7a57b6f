package app.spotter.sync.engine;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most a few of this instance's sync workers serve one trainer's calendars at a time. A calendar server that
 * stalls then holds those few workers until its deadline, and every other trainer's work goes on with the rest.
 * Keyed by trainer because a reconcile job serves all of a trainer's connections in one run (most trainers have
 * one). Work that finds its trainer full is put back a little later, with jitter, instead of waiting in a worker.
 */
@Component
class Bulkhead {

    private final int perTrainer;
    private final ConcurrentHashMap<UUID, AtomicInteger> busy = new ConcurrentHashMap<>();

    Bulkhead(@Value("${spotter.sync.workers-per-connection:2}") int perTrainer) {
        this.perTrainer = perTrainer;
    }

    /** @return true when a worker slot was taken; the caller must {@link #leave} it */
    boolean tryEnter(UUID trainerId) {
        boolean[] entered = new boolean[1];
        busy.compute(trainerId, (id, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < perTrainer) {
                c.incrementAndGet();
                entered[0] = true;
            }
            return c;
        });
        return entered[0];
    }

    void leave(UUID trainerId) {
        busy.computeIfPresent(trainerId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** When work that found its trainer full comes back: 1-3 s, spread so deferred work does not return at once. */
    static Duration deferral() {
        return Duration.ofMillis(1000 + ThreadLocalRandom.current().nextLong(2000));
    }
}
