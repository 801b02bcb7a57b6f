package app.spotter.sync.google;

import app.spotter.sync.SyncFailure;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Keeps each trainer under Google's per-user quota of 600 requests per minute
 * (https://developers.google.com/workspace/calendar/api/guides/quota), so a bulk push slows itself down instead of
 * collecting 403 rateLimitExceeded answers. Bucket of 50 plus 550 refills per minute: at most 600 in any minute.
 * In production the bucket lives in PostgreSQL ({@link SharedRequestBudget}), so the limit holds for all
 * instances together, not for each.
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

    private final RequestBudget budget;
    private final Sleeper sleeper;
    private final Duration maxWait;

    /** Counted in this JVM only. */
    TrainerRateLimiter(InstantSource clock, Sleeper sleeper, Duration maxWait) {
        this(RequestBudget.inMemory(BURST, REFILL, clock), sleeper, maxWait);
    }

    TrainerRateLimiter(RequestBudget budget, Sleeper sleeper, Duration maxWait) {
        this.budget = budget;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    static TrainerRateLimiter standard() {
        return new TrainerRateLimiter(InstantSource.system(), d -> Thread.sleep(d), Duration.ofSeconds(2));
    }

    /** Counted across every instance that shares this database (the production wiring). */
    static TrainerRateLimiter shared(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new TrainerRateLimiter(new SharedRequestBudget(jdbc, BURST, REFILL), d -> Thread.sleep(d),
                Duration.ofSeconds(2));
    }

    void acquire(UUID trainerId) throws SyncFailure {
        Duration waited = Duration.ZERO;
        for (Duration wait = budget.tryTake(trainerId); !wait.isZero(); wait = budget.tryTake(trainerId)) {
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
