package app.spotter.web;

import java.time.Duration;
import java.time.Instant;

/**
 * What "Sync now" / "Try again now" has come to, judged from the calendar's status since the press: synced (its
 * last sync is after the press), still failing (it fails a few seconds after the press: the retry ran into the
 * same wall, or has not got past it), or still working.
 *
 * @param done the page stops watching
 * @param error the outcome is bad news (shown in error style)
 */
public record SyncProgress(boolean done, boolean error, String message) {

    static final Duration FAILING_AFTER = Duration.ofSeconds(5);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    static SyncProgress of(SyncCard card, Instant pressed, Instant now) {
        Duration elapsed = Duration.between(pressed, now);
        if (card.lastSyncIso() != null && !Instant.parse(card.lastSyncIso()).isBefore(pressed.minusSeconds(1))) {
            return new SyncProgress(true, false, "Synced: " + card.title() + " is in step ("
                    + card.eventsSynced() + (card.eventsSynced() == 1 ? " event)." : " events)."));
        }
        if (card.failing() && elapsed.compareTo(FAILING_AFTER) >= 0) {
            return new SyncProgress(true, true, "Tried again: still failing. "
                    + (card.errorMessage() == null ? "" : card.errorMessage()));
        }
        if (elapsed.compareTo(GIVE_UP_AFTER) >= 0) {
            return new SyncProgress(true, false, "Still working on it; this page updates by itself.");
        }
        return new SyncProgress(false, false, "Syncing " + card.title() + "…");
    }
}
