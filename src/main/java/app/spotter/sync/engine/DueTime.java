package app.spotter.sync.engine;

import app.spotter.preferences.SyncFrequency;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** When a change is pushed, by the trainer's {@code sync_frequency} (docs/architecture.md "Sync frequency"). */
final class DueTime {

    private DueTime() {}

    /** @return the due instant, or null for manual (only an explicit "sync now" pushes) */
    static Instant next(SyncFrequency frequency, Instant now, ZoneId zone) {
        return switch (frequency) {
            case REALTIME -> now;
            case HOURLY -> now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            // the trainer's next local midnight, so a day's changes go out together
            case DAILY -> now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MANUAL -> null;
        };
    }
}
