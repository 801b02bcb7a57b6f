package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.preferences.SyncFrequency;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T18:40:12Z");
    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");

    @Test
    void realtimeIsDueAtOnce() {
        assertThat(DueTime.next(SyncFrequency.REALTIME, NOW, JOBURG)).isEqualTo(NOW);
    }

    @Test
    void hourlyWaitsForTheNextFullHour() {
        assertThat(DueTime.next(SyncFrequency.HOURLY, NOW, JOBURG)).isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
    }

    @Test
    void dailyWaitsForTheTrainersNextLocalMidnight() {
        // 20:40 in Johannesburg: midnight there is 22:00 UTC
        assertThat(DueTime.next(SyncFrequency.DAILY, NOW, JOBURG)).isEqualTo(Instant.parse("2026-11-24T22:00:00Z"));
    }

    @Test
    void manualIsNeverDueByItself() {
        assertThat(DueTime.next(SyncFrequency.MANUAL, NOW, JOBURG)).isNull();
    }
}
