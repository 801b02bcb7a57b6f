package app.spotter.sync.google;

import app.spotter.sync.SyncFailure;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each trainer under Google's per-user quota of 600 requests per minute
 * (https://developers.google.com/workspace/calendar/api/guides/quota), so a bulk push slows itself down instead of
 * collecting 403 rateLimitExceeded answers. Bucket of 50 plus 550 refills per minute: at most 600 in any minute.
 *
 * <p>A short wait is slept through; a longer one becomes a TRANSIENT failure with retryAfter, so a sync worker
 * thread is never parked for long and the engine's backoff decides when to come back.
 */
final class TrainerRateLimiter {

    static final int BURST = 50;
    /** Rounded up, so that 550 refills never fit into less than a minute. */
    static final Duration REFILL = Duration.ofNanos(Math.ceilDiv(Duration.ofMinutes(1).toNanos(), 600 - BURST));

    /** Sleeps for the given time; a seam so tests need not wait. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Duration maxWait;

    TrainerRateLimiter(InstantSource clock, Sleeper sleeper, Duration maxWait) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    static TrainerRateLimiter standard() {
        return new TrainerRateLimiter(InstantSource.system(), d -> Thread.sleep(d), Duration.ofSeconds(2));
    }

    void acquire(UUID trainerId) throws SyncFailure {
        TokenBucket bucket = buckets.computeIfAbsent(trainerId, id -> new TokenBucket(BURST, REFILL, clock));
        Duration waited = Duration.ZERO;
        for (Duration wait = bucket.tryTake(); !wait.isZero(); wait = bucket.tryTake()) {
            waited = waited.plus(wait);
            if (waited.compareTo(maxWait) > 0) {
                throw SyncFailure.transientFailure(
                        "Google sync is pausing to stay within Google's request limit", wait, null);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SyncFailure.transientFailure("Google sync was interrupted", null, e);
            }
        }
    }
}
