package app.spotter.sync.caldav;

import java.util.Objects;

/** The condition a PUT carries, so that a retry or a concurrent edit never silently overwrites. */
public sealed interface WritePrecondition {

    /** {@code If-None-Match: *}: store only if nothing is there yet (RFC 4791 5.3.2, RFC 9110 13.1.2). */
    record CreateOnly() implements WritePrecondition {}

    /** {@code If-Match: <etag>}: replace only the version we last saw (RFC 9110 13.1.1). */
    record MatchOnly(ETag etag) implements WritePrecondition {
        public MatchOnly {
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** No condition: overwrite whatever is there (Spotter owns its events, docs/architecture.md "Failures"). */
    record Unconditional() implements WritePrecondition {}

    static WritePrecondition createOnly() {
        return new CreateOnly();
    }

    static WritePrecondition ifMatch(ETag etag) {
        return new MatchOnly(etag);
    }

    static WritePrecondition unconditional() {
        return new Unconditional();
    }
}
