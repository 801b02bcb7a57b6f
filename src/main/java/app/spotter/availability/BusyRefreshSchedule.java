package app.spotter.availability;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads busy calendars again at least as often as the sync rounds run ({@code spotter.sync.round-interval}, 5
 * minutes by default), so busy times are never older than a round. An unchanged CalDAV calendar costs nothing
 * beyond its account's listing. Several instances may each run it: a refresh is idempotent.
 */
@Component
class BusyRefreshSchedule {

    private static final Logger log = LoggerFactory.getLogger(BusyRefreshSchedule.class);
    private static final int TRAINERS_PER_RUN = 500;

    private final BusyStore store;
    private final BusyRefresh refresh;
    private final Clock clock;
    private final Duration interval;

    BusyRefreshSchedule(BusyStore store, BusyRefresh refresh, Clock clock,
            @Value("${spotter.sync.round-interval:PT5M}") Duration interval) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${spotter.sync.round-interval:PT5M}",
            fixedDelayString = "${spotter.sync.round-interval:PT5M}")
    void refreshDue() {
        for (UUID trainerId : store.trainersDue(clock.instant().minus(interval), TRAINERS_PER_RUN)) {
            try {
                refresh.refresh(trainerId);
            } catch (RuntimeException e) {
                // one trainer's broken account must not stop the others' refresh
                log.warn("busy refresh of trainer {} failed: {}", trainerId, e.toString());
            }
        }
    }
}
