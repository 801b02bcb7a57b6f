package app.spotter.sync.engine;

import app.spotter.sync.ContentHash;
import app.spotter.sync.store.Mirror;

import app.spotter.calendar.CalendarEvent;
import java.util.function.Function;

/**
 * Decide, then apply: a pure function from (booking as it should look, what the calendar has, whether the
 * calendar is on) to one {@link SyncAction}. No I/O, so every case is a table row in its test.
 */
final class ReconcileDecision {

    private ReconcileDecision() {}

    /**
     * @param desired the booking's event, or null when the booking no longer exists at all
     * @param mirror what we last wrote there, or null
     * @param active the provider is enabled and its connection usable
     */
    static SyncAction decide(CalendarEvent desired, Mirror mirror, boolean active) {
        return decide(desired, mirror, active, ContentHash::of);
    }

    /**
     * @param fingerprint what this calendar shows of the event (a provider's own, e.g. email's per-recipient
     *     copies); only called when the event is wanted there
     */
    static SyncAction decide(CalendarEvent desired, Mirror mirror, boolean active,
            Function<CalendarEvent, String> fingerprint) {
        if (!active) {
            // disabling stops pushing; what is there stays until a disconnect with "remove events" (architecture.md)
            return new SyncAction.Nothing("calendar off");
        }
        boolean wanted = desired != null && !desired.cancelled();
        if (!wanted) {
            return mirror == null ? new SyncAction.Nothing("never written")
                    : new SyncAction.Remove(desired, mirror);
        }
        if (mirror != null && mirror.removedThere()) {
            // deleted there by the trainer: never recreated behind their back; they cancel or put it back
            return new SyncAction.Nothing("removed in the calendar; waiting for the trainer");
        }
        String hash = fingerprint.apply(desired);
        if (mirror == null) {
            return new SyncAction.Create(desired, hash);
        }
        if (hash.equals(mirror.contentHash())) {
            return new SyncAction.Nothing("up to date");
        }
        return new SyncAction.Update(desired, mirror, hash);
    }
}
