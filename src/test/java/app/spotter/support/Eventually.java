package app.spotter.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Bounded polling for asynchronous outcomes (the sync engine runs after the request returns): retries a check
 * until it passes or the time is up, then fails with the check's own last assertion error.
 */
public final class Eventually {

    private Eventually() {}

    public static void within(Duration limit, Runnable check) {
        get(limit, () -> {
            check.run();
            return null;
        });
    }

    /** Returns the first value {@code check} produces without throwing an AssertionError. */
    public static <T> T get(Duration limit, Supplier<T> check) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                return check.get();
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
