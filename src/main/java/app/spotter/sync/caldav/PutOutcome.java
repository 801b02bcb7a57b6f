package app.spotter.sync.caldav;

import java.util.Objects;
import java.util.Optional;

/** What a conditional PUT did. Failures that retrying or reconnecting may fix are thrown as SyncFailure. */
public sealed interface PutOutcome {

    /**
     * The server stored the object. The ETag is the one it sent with the PUT or, when it sent none, the one a
     * HEAD right after reported; empty when neither gave one (then the next update goes unconditional or
     * re-reads first).
     */
    record Stored(Optional<ETag> etag) implements PutOutcome {
        public Stored {
            Objects.requireNonNull(etag, "etag");
        }
    }

    /**
     * 412: with {@code If-None-Match: *} the object already exists; with {@code If-Match} it changed (or went)
     * there since we last saw it. Either way: re-read and re-apply ours (docs/architecture.md "Failures").
     */
    record PreconditionFailed() implements PutOutcome {}
}
