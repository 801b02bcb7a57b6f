package app.spotter.sync.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: a uniform draw between 0 and min(2^n s, 64 s), never sooner than the
 * server's Retry-After. Full jitter, because with "2^n s plus up to 1 s" every booking that failed together retried
 * together, and above 64 s the jitter was gone altogether (1,000 failing bookings retried in lockstep).
 * See docs/architecture.md "Failures".
 */
final class Backoff {

    static final Duration CEILING = Duration.ofSeconds(64);

    private Backoff() {}

    /** @param attempt 1 for the first retry */
    static Duration delay(int attempt, Duration retryAfter, RandomGenerator random) {
        long cap = Math.min(Duration.ofSeconds(1L << Math.min(Math.max(attempt, 1), 6)).toMillis(),
                CEILING.toMillis());
        Duration delay = Duration.ofMillis(random.nextLong(cap + 1));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            return retryAfter;
        }
        return delay;
    }
}
