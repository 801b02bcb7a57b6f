package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncProgressTest {

    private static final Instant PRESSED = Instant.parse("2026-11-30T06:00:00Z");

    private static SyncCard card(String state, Instant lastSync, String error) {
        return new SyncCard("apple", "Apple Calendar", true, state, state, null, null,
                lastSync == null ? null : lastSync.toString(), 3, error, null, null, null, List.of());
    }

    @Test
    void aSyncFinishedAfterThePressIsReportedAsInStep() {
        SyncProgress p = SyncProgress.of(card("ok", PRESSED.plusSeconds(2), null), PRESSED, PRESSED.plusSeconds(2));
        assertThat(p).isEqualTo(new SyncProgress(true, false, "Synced: Apple Calendar is in step (3 events)."));
    }

    @Test
    void aSyncFromBeforeThePressIsStillWorking() {
        SyncProgress p = SyncProgress.of(card("ok", PRESSED.minusSeconds(60), null), PRESSED, PRESSED.plusSeconds(2));
        assertThat(p.done()).isFalse();
        assertThat(p.message()).isEqualTo("Syncing Apple Calendar…");
    }

    @Test
    void aCalendarStillFailingAFewSecondsLaterSaysSoAndWhy() {
        SyncCard failing = card("failing", null, "The server refused the connection.");
        assertThat(SyncProgress.of(failing, PRESSED, PRESSED.plusSeconds(1)).done()).isFalse();
        assertThat(SyncProgress.of(failing, PRESSED, PRESSED.plusSeconds(5))).isEqualTo(new SyncProgress(true, true,
                "Tried again: still failing. The server refused the connection."));
    }

    @Test
    void theWatchEndsAfterHalfAMinuteWithoutNews() {
        SyncProgress p = SyncProgress.of(card("ok", null, null), PRESSED, PRESSED.plusSeconds(31));
        assertThat(p).isEqualTo(new SyncProgress(true, false, "Still working on it; this page updates by itself."));
    }
}
