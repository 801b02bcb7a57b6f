package app.spotter.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
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
 * RRULE (RFC 5545 3.6.5: an observance without RRULE or RDATE has exactly one onset), then the zone's current rules
 * as yearly RRULEs for the years after. No history before the first year. Cached per zone and years.
 */
final class TimeZones {

    /**
     * @param zone the zone DTSTART/DTEND are written in; its id is the VTIMEZONE's TZID
     */
    record Definition(ZoneId zone, VTimeZone vTimeZone, int fromYear, int toYear, boolean openEnded) {
        String tzId() {
            return zone.getId();
        }

        /**
         * Whether this definition gives the instant's offset: its local year is within the years defined, or after
         * them when the zone's rules continue as RRULEs. Times outside are written in UTC, never against an
         * observance that does not hold there.
         */
        boolean covers(Instant instant) {
            int year = instant.atZone(zone).getYear();
            return year >= fromYear && (openEnded || year <= toYear);
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
        VTimeZone vTimeZone = build(zone, key.fromYear(), key.toYear());
        boolean openEnded = vTimeZone.getObservances().stream()
                .anyMatch(o -> o.getProperty(Property.RRULE).isPresent())
                || zone.getRules().isFixedOffset()
                || zone.getRules().nextTransition(LocalDateTime.of(key.toYear() + 1, 1, 1, 0, 0)
                        .atZone(zone).toInstant()) == null;
        Optional<Definition> built = Optional.of(new Definition(zone, vTimeZone, key.fromYear(), key.toYear(),
                openEnded));
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(key, built);
        }
        return built;
    }

    /**
     * The definition for one event: from this year (or the event's, when earlier) to the event's. Starting at this
     * year at the latest keeps every definition written this year alike from then on, which matters to readers that
     * keep the first definition they meet for a TZID (vobject, and so Radicale, for a whole process).
     */
    Optional<Definition> definition(ZoneId zone, Instant start, Instant end, Instant now) {
        return definition(zone, Math.min(now.atZone(zone).getYear(), start.atZone(zone).getYear()),
                end.atZone(zone).getYear());
    }

    static VTimeZone build(ZoneId zone, int fromYear, int toYear) {
        ZoneRules rules = zone.getRules();
        LocalDateTime first = LocalDateTime.of(fromYear, 1, 1, 0, 0);
        int ruleYear = toYear + 1;
        Instant from = first.atZone(zone).toInstant();
        Instant until = LocalDateTime.of(ruleYear, 1, 1, 0, 0).atZone(zone).toInstant();
        List<Observance> observances = new ArrayList<>();
        ZoneOffset initial = rules.getOffset(from);
        observances.add(observance(rules.isDaylightSavings(from), first, initial, initial, null));
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(until);
                t = rules.nextTransition(t.getInstant())) {
            // RFC 5545 3.6.5: DTSTART is the onset in the local time before it, i.e. at TZOFFSETFROM
            observances.add(observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(),
                    t.getOffsetBefore(), t.getOffsetAfter(), null));
        }
        observances.addAll(lastRules(rules, ruleYear));
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    /**
     * The zone's current rules as yearly RRULEs from {@code year} on, so a reader that meets a later date (or keeps
     * the first definition it saw for a TZID, as vobject does for its whole process) still gets it right. Empty when
     * the JDK has dated transitions past that year (they are the truth there) or when a rule has no exact RRULE.
     */
    private static List<Observance> lastRules(ZoneRules rules, int year) {
        List<ZoneOffsetTransitionRule> last = rules.getTransitionRules();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        if (last.isEmpty() || !history.isEmpty()
                && !history.getLast().getDateTimeBefore().isBefore(LocalDateTime.of(year, 1, 1, 0, 0))) {
            return List.of();
        }
        List<Observance> observances = new ArrayList<>(last.size());
        for (ZoneOffsetTransitionRule rule : last) {
            Optional<String> recur = YearlyRule.of(rule, year);
            if (recur.isEmpty()) {
                return List.of();
            }
            ZoneOffsetTransition onset = rule.createTransition(year);
            observances.add(observance(rules.isDaylightSavings(onset.getInstant()), onset.getDateTimeBefore(),
                    onset.getOffsetBefore(), onset.getOffsetAfter(), new RRule<>(recur.get())));
        }
        return observances;
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to,
            RRule<?> rrule) {
        List<Property> list = new ArrayList<>(4);
        list.add(new DtStart<>(onset));
        if (rrule != null) {
            list.add(rrule);
        }
        list.add(new TzOffsetFrom(from));
        list.add(new TzOffsetTo(to));
        PropertyList properties = new PropertyList(list);
        return daylight ? new Daylight(properties) : new Standard(properties);
    }
}
