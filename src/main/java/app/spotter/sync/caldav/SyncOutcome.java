package app.spotter.sync.caldav;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The answer to an RFC 6578 sync-collection REPORT. */
public sealed interface SyncOutcome {

    /**
     * @param token the token to store and send next time
     * @param changed members created or modified since the given token (all members when none was given)
     * @param removed members deleted since the given token (404 entries, RFC 6578 3.5.2)
     */
    record Changes(SyncToken token, List<Member> changed, Set<URI> removed) implements SyncOutcome {
        public Changes {
            Objects.requireNonNull(token, "token");
            changed = List.copyOf(changed);
            removed = Set.copyOf(removed);
        }
    }

    /**
     * The server no longer accepts the token (403/409 with {@code DAV:valid-sync-token}, RFC 6578 3.2): sync
     * again without a token and treat the answer as a complete listing.
     */
    record TokenRefused(SyncToken refused) implements SyncOutcome {}

    /** @param etag the member's ETag when the server reported one, else null */
    record Member(URI href, ETag etag) {
        public Member {
            Objects.requireNonNull(href, "href");
        }
    }
}
