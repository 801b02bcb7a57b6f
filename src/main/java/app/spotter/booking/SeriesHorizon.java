package app.spotter.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rolling horizon: open-ended (and long) series have booking rows for the next {@link Series#HORIZON} only, so
 * the table stays bounded; this job adds the next weeks' sessions as time passes. Idempotent (one row per
 * occurrence, the series row is locked while extended), so several instances may run it. The rule in calendars
 * already covers the new sessions: nothing is sent for them.
 */
@Component
class SeriesHorizon {

    private static final Logger log = LoggerFactory.getLogger(SeriesHorizon.class);
    static final int BATCH = 200;

    private final SeriesRepository series;
    private final BookingSeries bookingSeries;
    private final Clock clock;

    SeriesHorizon(SeriesRepository series, BookingSeries bookingSeries, Clock clock) {
        this.series = series;
        this.bookingSeries = bookingSeries;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${spotter.series.horizon-check:PT1H}",
            fixedDelayString = "${spotter.series.horizon-check:PT1H}")
    void run() {
        int added = extendDue(clock.instant());
        if (added > 0) {
            log.info("series horizon: {} sessions added", added);
        }
    }

    /** Extends every series whose rows end before {@code now + HORIZON}; returns the sessions added. */
    int extendDue(Instant now) {
        Instant horizon = now.plus(Series.HORIZON);
        int added = 0;
        while (true) {
            var due = series.due(horizon, BATCH);
            for (UUID[] d : due) {
                added += bookingSeries.extend(d[0], d[1], horizon);
            }
            if (due.size() < BATCH) {
                return added;
            }
        }
    }
}
