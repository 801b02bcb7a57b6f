package app.spotter.sync.caldav;

import app.spotter.sync.RemoteSnapshot;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Reads the time, status and title of a calendar object another client may have edited. Only an unambiguous time
 * is taken: a DTSTART with a zone or in UTC, and a DTEND or DURATION. Floating times and all-day dates
 * (RFC 5545 3.3.5 form 1, 3.3.4) have no instant without guessing a zone, so such an object is "unreadable" and
 * the change is put back rather than guessed at.
 */
final class ObjectSnapshot {

    private ObjectSnapshot() {}

    static Optional<RemoteSnapshot> of(byte[] ics, String etag) {
        List<VEvent> events;
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
            events = calendar.getComponents(Component.VEVENT);
        } catch (java.io.IOException | net.fortuna.ical4j.data.ParserException | RuntimeException e) {
            return Optional.empty();
        }
        // the master is the VEVENT without RECURRENCE-ID (RFC 5545 3.8.4.4); overrides mean a series
        List<VEvent> masters = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).toList();
        if (masters.size() != 1) {
            return Optional.empty();
        }
        VEvent master = masters.getFirst();
        boolean repeating = events.size() > 1 || master.getProperty(Property.RRULE).isPresent()
                || master.getProperty(Property.RDATE).isPresent();
        Optional<Instant> start = instant(master, Property.DTSTART);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> end = instant(master, Property.DTEND);
        if (end.isEmpty()) {
            end = master.getProperty(Property.DURATION)
                    .map(p -> ((net.fortuna.ical4j.model.property.Duration) p).getDuration())
                    .filter(java.time.Duration.class::isInstance)
                    .map(d -> start.get().plus((java.time.Duration) d));
        }
        if (end.isEmpty()) {
            return Optional.empty();
        }
        boolean cancelled = master.getProperty(Property.STATUS).map(Property::getValue)
                .map("CANCELLED"::equalsIgnoreCase).orElse(false);
        String summary = master.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
        return Optional.of(new RemoteSnapshot(etag, start.get(), end.get(), cancelled, repeating, summary));
    }

    private static Optional<Instant> instant(VEvent event, String name) {
        return event.getProperty(name).map(p -> (Temporal) ((DateProperty<?>) p).getDate()).flatMap(t -> switch (t) {
            case Instant i -> Optional.of(i);
            case ZonedDateTime z -> Optional.of(z.toInstant());
            case OffsetDateTime o -> Optional.of(o.toInstant());
            default -> Optional.<Instant>empty();
        });
    }
}
