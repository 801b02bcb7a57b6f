package app.spotter.sync.google.fake;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The fake's global change counter: every write anywhere moves it on; sync tokens remember a position in it. */
final class FakeClockwork {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong version = new AtomicLong();

    long tick() {
        return version.incrementAndGet();
    }

    long now() {
        return version.get();
    }

    String timestamp(long version) {
        return EPOCH.plusMillis(version).toString();
    }
}
