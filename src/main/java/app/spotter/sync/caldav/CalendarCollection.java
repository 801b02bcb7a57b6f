package app.spotter.sync.caldav;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A calendar collection in the trainer's calendar home.
 *
 * @param href absolute URL, ending in a slash
 * @param displayName {@code DAV:displayname}, or null when the calendar has none
 * @param components the iCalendar components it accepts ({@code VEVENT}, {@code VTODO}, ...); empty when the
 *     server did not say, which RFC 4791 5.2.3 defines as "any"
 * @param version its sync-token (RFC 6578 4) or else its CalendarServer ctag, null when the server gives neither:
 *     a changed event changes it
 */
public record CalendarCollection(URI href, String displayName, Set<String> components, String version) {

    public CalendarCollection {
        Objects.requireNonNull(href, "href");
        components = Set.copyOf(components);
    }

    public CalendarCollection(URI href, String displayName, Set<String> components) {
        this(href, displayName, components, null);
    }

    /** Spotter writes VEVENTs only, so a tasks-only calendar (common on iCloud) is no place for bookings. */
    public boolean acceptsEvents() {
        return components.isEmpty() || components.contains("VEVENT");
    }
}
