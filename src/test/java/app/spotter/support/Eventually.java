package app.spotter.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded polling for asynchronous outcomes (the sync engine runs after the request returns): retries until the
 * condition holds or the time is up, then fails with the last assertion error seen.
 */
public final class Eventually {

    private Eventually() {}

    /** Waits until {@code condition} is true. */
    public static void await(Duration timeout, String what, Supplier<Boolean> condition) {
        get(timeout, () -> {
            if (!Boolean.TRUE.equals(condition.get())) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            return null;
        });
    }

    /** Waits until {@code check} passes (throws no AssertionError). */
    public static void within(Duration limit, Runnable check) {
        get(limit, () -> {
            check.run();
            return null;
        });
    }

    /** Returns the first value {@code check} produces without throwing. */
    public static <T> T get(Duration limit, Supplier<T> check) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return check.get();
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e instanceof AssertionError a ? a : new AssertionError("still failing after " + limit, e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
