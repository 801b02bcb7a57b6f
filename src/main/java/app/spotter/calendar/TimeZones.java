package app.spotter.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * VTIMEZONE definitions generated from the JDK's tz rules ({@link ZoneRules}), the same rules the API uses to read
 * and show times, so one tz database is the truth everywhere. ical4j's bundled definitions are not used: they come
 * from another tz release (Europe/Chisinau was an hour off), and their full histories made dateutil-based readers
 * (vobject, Radicale's time-range search) read some zones an hour wrong all year.
 *
 * <p>Each definition covers only the years asked for: one observance for the offset in force on 1 January of the
 * first year, then one observance per transition up to the end of the last year, each with its own DTSTART and no
 * RRULE (RFC 5545 3.6.5: an observance without RRULE or RDATE has exactly one onset). Every reader then sees the same
 * explicit list of offsets, with no recurrence rule to expand differently. Definitions are cached per zone and years.
 */
final class TimeZones {

    /**
     * @param zone the zone DTSTART/DTEND are written in; its id is the VTIMEZONE's TZID
     */
    record Definition(ZoneId zone, VTimeZone vTimeZone) {
        String tzId() {
            return zone.getId();
        }
    }

    private record Key(ZoneId zone, int fromYear, int toYear) {}

    private static final TimeZones SHARED = new TimeZones();
    private static final int MAX_CACHED = 4096;

    private final Map<Key, Optional<Definition>> cache = new ConcurrentHashMap<>();

    static TimeZones shared() {
        return SHARED;
    }

    /**
     * The definition covering local years {@code fromYear..toYear}; empty for bare offsets (+02:00), which have no
     * zone to name: those events are written in UTC.
     */
    Optional<Definition> definition(ZoneId zone, int fromYear, int toYear) {
        if (zone instanceof ZoneOffset) {
            return Optional.empty();
        }
        Key key = new Key(zone, Math.min(fromYear, toYear), Math.max(fromYear, toYear));
        Optional<Definition> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Definition> built = Optional.of(new Definition(zone, build(zone, key.fromYear(), key.toYear())));
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(key, built);
        }
        return built;
    }

    /** The definition covering the local years of both instants. */
    Optional<Definition> definition(ZoneId zone, Instant start, Instant end) {
        return definition(zone, start.atZone(zone).getYear(), end.atZone(zone).getYear());
    }

    static VTimeZone build(ZoneId zone, int fromYear, int toYear) {
        ZoneRules rules = zone.getRules();
        LocalDateTime first = LocalDateTime.of(fromYear, 1, 1, 0, 0);
        LocalDateTime last = LocalDateTime.of(toYear + 1, 1, 1, 0, 0);
        Instant from = first.atZone(zone).toInstant();
        Instant until = last.atZone(zone).toInstant();
        List<Observance> observances = new ArrayList<>();
        ZoneOffset initial = rules.getOffset(from);
        observances.add(observance(rules.isDaylightSavings(from), first, initial, initial));
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(until);
                t = rules.nextTransition(t.getInstant())) {
            // RFC 5545 3.6.5: DTSTART is the onset in the local time before it, i.e. at TZOFFSETFROM
            observances.add(observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(),
                    t.getOffsetBefore(), t.getOffsetAfter()));
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
        PropertyList properties = new PropertyList(List.of(new DtStart<>(onset), new TzOffsetFrom(from),
                new TzOffsetTo(to)));
        return daylight ? new Daylight(properties) : new Standard(properties);
    }
}
