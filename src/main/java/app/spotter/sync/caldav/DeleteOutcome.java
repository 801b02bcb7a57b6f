package app.spotter.sync.caldav;

/** What a DELETE did. Failures that retrying or reconnecting may fix are thrown as SyncFailure. */
public sealed interface DeleteOutcome {

    record Deleted() implements DeleteOutcome {}

    /** 404 or 410: nothing is there, which is what a delete wants (docs/architecture.md "Provider facts"). */
    record AlreadyGone() implements DeleteOutcome {}

    /** 412: the object changed there since the ETag we gave; it was not deleted. */
    record PreconditionFailed() implements DeleteOutcome {}
}
