package app.spotter.sync;

import app.spotter.calendar.CalendarEvent;

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
        if (!active) {
            // disabling stops pushing; what is there stays until a disconnect with "remove events" (architecture.md)
            return new SyncAction.Nothing("calendar off");
        }
        boolean wanted = desired != null && !desired.cancelled();
        if (!wanted) {
            return mirror == null ? new SyncAction.Nothing("never written")
                    : new SyncAction.Remove(desired, mirror);
        }
        String hash = ContentHash.of(desired);
        if (mirror == null) {
            return new SyncAction.Create(desired, hash);
        }
        if (hash.equals(mirror.contentHash())) {
            return new SyncAction.Nothing("up to date");
        }
        return new SyncAction.Update(desired, mirror, hash);
    }
}
