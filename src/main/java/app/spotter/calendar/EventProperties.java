package app.spotter.calendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.Color;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;

/** The VEVENT properties every rendering shares (stored object, feed, invitation). */
final class EventProperties {

    private EventProperties() {}

    /**
     * @param zone the event's VTIMEZONE, or empty to write UTC times (RFC 5545 3.3.5 form #2), which need none
     * @param summary the text to show, already privacy-filtered by the caller
     */
    static List<Property> of(CalendarEvent e, String summary, Instant stamp, Optional<TimeZones.Definition> zone) {
        List<Property> properties = new ArrayList<>(12);
        properties.add(new Uid(e.uid()));
        // DTSTAMP is UTC by definition (RFC 5545 3.8.7.2); whole seconds, as the format holds no more
        properties.add(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        properties.add(new DtStart<>(dateTime(e.start(), zone)));
        properties.add(new DtEnd<>(dateTime(e.end(), zone)));
        properties.add(new Summary(Texts.text(summary)));
        if (e.location() != null && !e.location().isBlank()) {
            properties.add(new Location(Texts.text(e.location())));
        }
        properties.add(new Sequence(e.sequence()));
        properties.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        properties.add(ImmutableTransp.OPAQUE); // a booked session makes the trainer busy (free/busy, RFC 5545 3.8.2.7)
        if (e.colorHex() != null) {
            properties.add(new Color(new ParameterList(), CssColors.nearest(e.colorHex())));
        }
        return properties;
    }

    /**
     * Local time with TZID, except in the repeated hour after a DST change: RFC 5545 3.3.5 reads an ambiguous local
     * time as its first occurrence, so an instant in the second one (e.g. 01:30 GMT on London's October change day)
     * is written in UTC, which is exact and equally valid there.
     */
    private static Temporal dateTime(Instant instant, Optional<TimeZones.Definition> zone) {
        if (zone.isEmpty()) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone.get().zone());
        return local.withEarlierOffsetAtOverlap().toInstant().equals(instant) ? local : instant;
    }
}
