package app.spotter.sync.engine;

import java.time.Instant;
import java.util.UUID;

/** What to do about a change made in the trainer's calendar to one of Spotter's events ({@link RemoteChangeDecision}). */
sealed interface RemoteChange {

    /** The trainer moved it there: move the booking (checked like a move in Spotter; refused = put back). */
    record Reschedule(Instant start, Instant end) implements RemoteChange {}

    /**
     * Write Spotter's version over it; {@code reason} is what the trainer is told (a notice).
     *
     * @param session the session of a series the notice is about, or null for the event's own booking
     */
    record PutBack(String reason, UUID session) implements RemoteChange {

        PutBack(String reason) {
            this(reason, null);
        }
    }

    /**
     * One occurrence of a series moved there: move that session alone (as "This session" in Spotter, checked the
     * same way; refused = put back).
     *
     * @param session the session's booking
     * @param occurrence the start the series' rule gives it (its RECURRENCE-ID)
     */
    record RescheduleOccurrence(UUID session, Instant occurrence, Instant start, Instant end)
            implements RemoteChange {}

    /** Deleted there: keep the session, keep the event out of that calendar, and ask the trainer. */
    record FlagRemoved() implements RemoteChange {}

    /**
     * The whole series object deleted there (CalDAV: gone; Google: the master cancelled): keep every session, keep
     * the series out of that calendar, and ask the trainer (put the series back, or cancel the series).
     */
    record FlagSeriesRemoved() implements RemoteChange {}

    /**
     * One occurrence of a series deleted there (RFC 5545 3.8.5.1 EXDATE, or an override with STATUS:CANCELLED):
     * keep the session, keep that occurrence out of that calendar, and ask the trainer.
     *
     * @param session the session's booking
     * @param occurrence the start the series' rule gives it
     */
    record FlagOccurrenceRemoved(UUID session, Instant occurrence) implements RemoteChange {}

    /** Gone there and not wanted there either (the session was cancelled): forget Spotter's copy. */
    record Forget() implements RemoteChange {}

    /** Nothing to do (already decided, or the booking's own sync will settle it). */
    record Ignore(String why) implements RemoteChange {}
}
