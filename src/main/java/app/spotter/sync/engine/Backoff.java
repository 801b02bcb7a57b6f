package app.spotter.sync.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Truncated exponential backoff with jitter (docs/architecture.md "Failures", Google's documented retry policy):
 * min(2^n s + up to 1 s, 64 s), never sooner than the server's Retry-After.
 */
final class Backoff {

    static final Duration CEILING = Duration.ofSeconds(64);

    private Backoff() {}

    /** @param attempt 1 for the first retry */
    static Duration delay(int attempt, Duration retryAfter, RandomGenerator random) {
        long base = 1L << Math.min(Math.max(attempt, 1), 6);
        Duration delay = Duration.ofSeconds(base).plusMillis(random.nextLong(1001));
        if (delay.compareTo(CEILING) > 0) {
            delay = CEILING;
        }
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            return retryAfter;
        }
        return delay;
    }
}
