package app.spotter.sync.email;

/** One email to send for one recipient's copy, decided by {@link CopyDecision}. */
sealed interface CopyStep {

    /** Send (or re-send) this copy as a REQUEST carrying {@code sequence}. */
    record Request(Copy copy, int sequence, boolean firstToThisAddress) implements CopyStep {}

    /**
     * One exception of a series on its own (RECURRENCE-ID): its override as a REQUEST, or its cancellation; then
     * {@code after} is what the recipient holds (saved only once this message went out).
     */
    record Occurrence(Copy copy, java.time.Instant recurrenceId, boolean cancel, int sequence, SentCopy after)
            implements CopyStep {}

    /** Tell an address that no longer gets this copy (changed address, another client, booking cancelled). */
    record Cancel(SentCopy old, int sequence) implements CopyStep {}
}
