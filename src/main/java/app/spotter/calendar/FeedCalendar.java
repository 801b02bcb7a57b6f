package app.spotter.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * The subscription feed: a snapshot, so no METHOD. RFC 5545 3.7.2: without METHOD "a scheduling transaction MUST
 * NOT be assumed", which is what a feed is; METHOD:PUBLISH would instead make each VEVENT require an ORGANIZER
 * (RFC 5546 3.2.1), i.e. the trainer's address in every subscriber's copy, for no benefit.
 */
final class FeedCalendar {

    static final Duration REFRESH = Duration.ofMinutes(15);

    private FeedCalendar() {}

    static Calendar build(CalendarCommon common, List<CalendarEvent> events, ZoneId zone, String name, Instant stamp) {
        // one definition per zone, covering the years its events need (so two passes: years first)
        Map<ZoneId, int[]> years = new LinkedHashMap<>();
        for (CalendarEvent e : events) {
            // from this year at the latest, as for a single event (TimeZones.definition)
            int startYear = Math.min(stamp.atZone(e.zone()).getYear(), e.start().atZone(e.zone()).getYear());
            int endYear = e.end().atZone(e.zone()).getYear();
            years.merge(e.zone(), new int[] {startYear, endYear},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<ZoneId, Optional<TimeZones.Definition>> zones = new LinkedHashMap<>();
        years.forEach((id, range) -> zones.put(id, common.zones().definition(id, range[0], range[1])));
        Set<ZoneId> used = new HashSet<>();
        List<VEvent> vEvents = new ArrayList<>(events.size());
        for (CalendarEvent e : events) {
            Optional<TimeZones.Definition> definition = zones.get(e.zone());
            if (EventProperties.local(e, definition)) {
                used.add(e.zone());
            }
            vEvents.add(new VEvent(new PropertyList(EventProperties.of(e, e.summary(), stamp, definition))));
        }
        List<VTimeZone> vTimeZones = zones.entrySet().stream()
                .filter(z -> used.contains(z.getKey()))
                .flatMap(z -> z.getValue().stream())
                .map(TimeZones.Definition::vTimeZone)
                .toList();
        return common.calendar(headers(zone, name), vTimeZones, vEvents);
    }

    static List<Property> headers(ZoneId zone, String name) {
        String text = Texts.text(name);
        return List.of(
                new Name(text), // RFC 7986 5.1
                new XProperty("X-WR-CALNAME", text), // what Apple and Google read
                new XProperty("X-WR-TIMEZONE", zone.getId()),
                // RFC 7986 5.7: VALUE=DURATION is mandatory on REFRESH-INTERVAL
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString())); // Outlook's and Apple's older hint
    }
}
