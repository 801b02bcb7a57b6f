package app.spotter.sync.caldav;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** What a GET of one calendar object found. */
public sealed interface GetOutcome {

    /**
     * @param ics the iCalendar bytes exactly as stored (UTF-8 per RFC 5545 3.1.4); parse them with ical4j
     */
    record Found(URI href, byte[] ics, Optional<ETag> etag) implements GetOutcome {
        public Found {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(ics, "ics");
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** 404 or 410: only this confirms an object is gone; a failed read never does (docs/architecture.md). */
    record NotFound(URI href) implements GetOutcome {}
}
