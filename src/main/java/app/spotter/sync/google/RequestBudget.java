package app.spotter.sync.google;

import java.time.Duration;
import java.util.UUID;

/** Where a trainer's Google requests are counted: one bucket per trainer, in memory or shared by all instances. */
interface RequestBudget {

    /** Takes one request and answers {@link Duration#ZERO}, or takes nothing and answers how long until one is due. */
    Duration tryTake(UUID trainerId);

    /** One bucket per trainer in this JVM only (tests, and a single instance). */
    static RequestBudget inMemory(int burst, Duration refill, java.time.InstantSource clock) {
        var buckets = new java.util.concurrent.ConcurrentHashMap<UUID, TokenBucket>();
        return trainerId -> buckets.computeIfAbsent(trainerId, id -> new TokenBucket(burst, refill, clock)).tryTake();
    }
}
