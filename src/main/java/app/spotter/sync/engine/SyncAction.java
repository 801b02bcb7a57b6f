package app.spotter.sync.engine;

import app.spotter.sync.store.Mirror;

import app.spotter.calendar.CalendarEvent;

/** The one thing reconciliation does for a booking and a calendar; decided by {@link ReconcileDecision}. */
sealed interface SyncAction {

    /** The calendar has never had this booking: create it (retry-safe: the identity is deterministic). */
    record Create(CalendarEvent event, String contentHash) implements SyncAction {}

    /** The calendar holds an older version: replace it with ours. */
    record Update(CalendarEvent event, Mirror previous, String contentHash) implements SyncAction {}

    /** The booking was cancelled or deleted: take the event out (or send CANCEL). */
    record Remove(CalendarEvent event, Mirror previous) implements SyncAction {}

    /** The calendar already matches, or it is not ours to touch now (disabled, never written). */
    record Nothing(String reason) implements SyncAction {}
}
