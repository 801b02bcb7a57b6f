package app.spotter.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.TzId;
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
     * @param zone the event's VTIMEZONE, or empty to write UTC times (RFC 5545 3.3.5 form #2), which need none;
     *     see {@link #local} for when UTC is written anyway
     * @param summary the text to show, already privacy-filtered by the caller
     */
    static List<Property> of(CalendarEvent e, String summary, Instant stamp, Optional<TimeZones.Definition> zone) {
        List<Property> properties = new ArrayList<>(12);
        properties.add(new Uid(e.uid()));
        // DTSTAMP is UTC by definition (RFC 5545 3.8.7.2); whole seconds, as the format holds no more
        properties.add(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        boolean local = local(e, zone);
        if (local) {
            // the local time from java.time with a TZID parameter: given a ZonedDateTime, ical4j converts it through
            // its own bundled tz data instead (Africa/Juba came out an hour off), whatever the VTIMEZONE says
            properties.add(new DtStart<>(tzId(zone.orElseThrow()), localTime(e.start(), zone.orElseThrow())));
            properties.add(new DtEnd<>(tzId(zone.orElseThrow()), localTime(e.end(), zone.orElseThrow())));
        } else {
            properties.add(new DtStart<>(e.start()));
            properties.add(new DtEnd<>(e.end()));
        }
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
     * Whether this event's times are written as local times with TZID. Not when the zone has no definition, and not
     * when either end falls in a repeated local hour (clocks going back): RFC 5545 3.3.5 reads an ambiguous local
     * time as its first occurrence, but libical and python-icalendar read the second, so no local form of such a
     * time means the same instant to every reader. Both ends are then written in UTC (form #2), which is exact for
     * all of them; writing only one end in UTC made readers see an event ending before it starts.
     */
    static boolean local(CalendarEvent e, Optional<TimeZones.Definition> zone) {
        if (e.repeating() != null && zone.isPresent()) {
            // a series is local whatever its first date: its rule expands in local time (see SeriesComponents);
            // a start in a repeated hour means its first occurrence there (RFC 5545 3.3.5), as the series computed
            return true;
        }
        return zone.isPresent() && zone.get().covers(e.start()) && zone.get().covers(e.end())
                && !ambiguous(e.start(), zone.get()) && !ambiguous(e.end(), zone.get());
    }

    private static boolean ambiguous(Instant instant, TimeZones.Definition zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone.zone());
        return zone.zone().getRules().getValidOffsets(local).size() != 1;
    }

    private static ParameterList tzId(TimeZones.Definition zone) {
        return new ParameterList(List.of(new TzId(zone.tzId())));
    }

    private static LocalDateTime localTime(Instant instant, TimeZones.Definition zone) {
        return LocalDateTime.ofInstant(instant, zone.zone());
    }
}
