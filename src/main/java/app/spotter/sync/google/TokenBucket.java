package app.spotter.sync.google;

import java.time.Duration;
import java.time.InstantSource;

/**
 * A token bucket: {@code capacity} tokens, one more every {@code refillInterval}. Over any window of length T it
 * grants at most {@code capacity + T / refillInterval} requests, which is what lets {@link TrainerRateLimiter} keep
 * a hard "never more than N per minute" promise (the bucket size counts towards N).
 */
final class TokenBucket {

    private final long capacity;
    private final long refillNanos;
    private final InstantSource clock;
    private long tokens;
    private long lastRefillNanos;

    TokenBucket(int capacity, Duration refillInterval, InstantSource clock) {
        if (capacity < 1 || refillInterval.isNegative() || refillInterval.isZero()) {
            throw new IllegalArgumentException("a bucket needs room and a positive refill interval");
        }
        this.capacity = capacity;
        this.refillNanos = refillInterval.toNanos();
        this.clock = clock;
        this.tokens = capacity;
        this.lastRefillNanos = nanos();
    }

    /** Takes a token and answers {@link Duration#ZERO}, or takes nothing and answers how long until one is due. */
    synchronized Duration tryTake() {
        refill();
        if (tokens > 0) {
            tokens--;
            return Duration.ZERO;
        }
        return Duration.ofNanos(lastRefillNanos + refillNanos - nanos());
    }

    private void refill() {
        long now = nanos();
        long due = (now - lastRefillNanos) / refillNanos;
        if (due > 0) {
            tokens = Math.min(capacity, tokens + due);
            // Advance by whole intervals only, so a partly elapsed interval is not lost.
            lastRefillNanos = tokens == capacity ? now : lastRefillNanos + due * refillNanos;
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
