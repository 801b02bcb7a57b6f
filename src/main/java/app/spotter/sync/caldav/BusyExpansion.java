package app.spotter.sync.caldav;

import app.spotter.sync.BusyRead;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * Turns calendar objects (as a calendar-query returned them) into busy intervals: recurring events expanded
 * (RFC 5545 3.8.5: RRULE, RDATE, EXDATE) with their exceptions (RECURRENCE-ID overrides replace the instance
 * they name, RFC 5545 3.8.4.4), and left out what does not make the trainer busy: TRANSP:TRANSPARENT (3.8.2.7),
 * STATUS:CANCELLED (3.8.1.11), events the trainer declined (PARTSTAT=DECLINED for their address), and Spotter's
 * own events (UID in Spotter's domain). Only times leave this class: no title, no attendee.
 *
 * <p>Expansion is done here, not by the server's {@code expand} (RFC 4791 9.6.5): Radicale before 3.2 ignores
 * it, and the transparency, declined and all-day rules need the events themselves, which free-busy-query
 * (RFC 4791 7.10) does not give.
 */
final class BusyExpansion {

    /** A runaway rule (every minute for years) stops here; 90 days of a daily event are ~90. */
    static final int MAX_INSTANCES_PER_EVENT = 5_000;

    private final String ownUidSuffix;
    private final Set<String> ownAddresses;
    private final ZoneId zone;

    /**
     * @param ownUidSuffix {@code @} + Spotter's UID domain: those events are Spotter's own sessions
     * @param ownAddresses the trainer's addresses (lower case, without {@code mailto:}) for "declined"
     * @param zone where floating and all-day times are read (the trainer's zone)
     */
    BusyExpansion(String ownUidSuffix, Set<String> ownAddresses, ZoneId zone) {
        this.ownUidSuffix = ownUidSuffix.toLowerCase(Locale.ROOT);
        this.ownAddresses = ownAddresses;
        this.zone = zone;
    }

    /** Busy intervals overlapping [from, to), sorted; an object that cannot be parsed is skipped. */
    List<BusyRead.Busy> intervals(List<String> objects, Instant from, Instant to) {
        Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
        for (String text : objects) {
            for (VEvent event : events(text)) {
                String uid = event.getUid().map(Property::getValue).orElse("");
                byUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(event);
            }
        }
        List<BusyRead.Busy> busy = new ArrayList<>();
        byUid.forEach((uid, events) -> {
            if (!uid.toLowerCase(Locale.ROOT).endsWith(ownUidSuffix)) {
                expand(events, from, to, busy);
            }
        });
        busy.sort((a, b) -> a.start().compareTo(b.start()));
        return busy;
    }

    private void expand(List<VEvent> events, Instant from, Instant to, List<BusyRead.Busy> out) {
        VEvent master = null;
        Map<Instant, VEvent> overrides = new HashMap<>();
        for (VEvent e : events) {
            Optional<Temporal> recurrenceId = e.getProperty(Property.RECURRENCE_ID)
                    .map(p -> (Temporal) ((DateProperty<?>) p).getDate());
            if (recurrenceId.isPresent()) {
                overrides.put(instant(recurrenceId.get()), e);
            } else if (master == null) {
                master = e;
            }
        }
        if (master != null) {
            for (Temporal start : starts(master, from, to)) {
                if (!overrides.containsKey(instant(start))) {
                    add(master, start, from, to, out);
                }
            }
        }
        for (VEvent override : overrides.values()) {
            override.getProperty(Property.DTSTART).map(p -> (Temporal) ((DateProperty<?>) p).getDate())
                    .ifPresent(start -> add(override, start, from, to, out));
        }
    }

    /** The event's start times that may overlap the window (all of them for a one-off). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Temporal> starts(VEvent event, Instant from, Instant to) {
        Optional<Temporal> dtstart = event.getProperty(Property.DTSTART)
                .map(p -> (Temporal) ((DateProperty<?>) p).getDate());
        if (dtstart.isEmpty()) {
            return List.of();
        }
        Temporal seed = dtstart.get();
        Optional<RRule<?>> rule = event.getProperty(Property.RRULE).map(p -> (RRule<?>) p);
        List<Temporal> starts = new ArrayList<>();
        if (rule.isEmpty()) {
            starts.add(seed);
        } else {
            // instances starting up to one event length before the window can still reach into it
            Duration length = length(event, seed);
            Temporal windowStart = like(seed, from.minus(length).minus(Duration.ofDays(1)));
            Temporal windowEnd = like(seed, to);
            List dates = ((RRule) rule.get()).getRecur().getDates(seed, windowStart, windowEnd,
                    MAX_INSTANCES_PER_EVENT);
            starts.addAll(dates);
        }
        for (Object p : event.getProperties(Property.RDATE)) {
            if (p instanceof DateListProperty<?> rdate) {
                starts.addAll(rdate.getDates());
            }
        }
        Set<Instant> excluded = new HashSet<>();
        for (Object p : event.getProperties(Property.EXDATE)) {
            if (p instanceof DateListProperty<?> exdate) {
                exdate.getDates().forEach(d -> excluded.add(instant(d)));
            }
        }
        starts.removeIf(s -> excluded.contains(instant(s)));
        return starts;
    }

    private void add(VEvent event, Temporal start, Instant from, Instant to, List<BusyRead.Busy> out) {
        if (!blocks(event)) {
            return;
        }
        boolean allDay = start instanceof LocalDate;
        Instant s = instant(start);
        Instant e = instant(start).plus(length(event, event.getProperty(Property.DTSTART)
                .map(p -> (Temporal) ((DateProperty<?>) p).getDate()).orElse(start)));
        if (!e.isAfter(s)) {
            // RFC 5545 3.6.1: no DTEND on a date-time event is an instant (blocks nothing); on a date, one day
            if (!allDay) {
                return;
            }
            e = ((LocalDate) start).plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (s.isBefore(to) && e.isAfter(from)) {
            out.add(new BusyRead.Busy(s, e, allDay));
        }
    }

    private boolean blocks(VEvent event) {
        String transp = event.getProperty(Property.TRANSP).map(Property::getValue).orElse("OPAQUE");
        String status = event.getProperty(Property.STATUS).map(Property::getValue).orElse("");
        if ("TRANSPARENT".equalsIgnoreCase(transp) || "CANCELLED".equalsIgnoreCase(status)) {
            return false;
        }
        for (Property attendee : event.getProperties(Property.ATTENDEE)) {
            String address = attendee.getValue().toLowerCase(Locale.ROOT).replaceFirst("^mailto:", "");
            Optional<Parameter> partstat = attendee.getParameter(Parameter.PARTSTAT);
            if (ownAddresses.contains(address) && partstat.isPresent()
                    && "DECLINED".equalsIgnoreCase(partstat.get().getValue())) {
                return false;
            }
        }
        return true;
    }

    /** DTEND - DTSTART, or DURATION, else zero (date-valued events then last a day, see {@link #add}). */
    private Duration length(VEvent event, Temporal start) {
        Optional<Temporal> end = event.getProperty(Property.DTEND).map(p -> (Temporal) ((DateProperty<?>) p).getDate());
        if (end.isPresent()) {
            return Duration.between(instant(start), instant(end.get()));
        }
        Optional<TemporalAmount> duration = event.getProperty(Property.DURATION)
                .map(p -> ((net.fortuna.ical4j.model.property.Duration) p).getDuration());
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get();
            if (amount instanceof Period period) {
                return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
            }
            return (Duration) amount;
        }
        return Duration.ZERO;
    }

    private Instant instant(Temporal t) {
        return switch (t) {
            case Instant i -> i;
            case ZonedDateTime z -> z.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.atZone(zone).toInstant();
            case LocalDate d -> d.atStartOfDay(zone).toInstant();
            default -> throw new IllegalArgumentException("not a date or time: " + t);
        };
    }

    /** {@code instant} as the same kind of temporal as {@code seed}, for the recurrence rule's window. */
    private Temporal like(Temporal seed, Instant instant) {
        return switch (seed) {
            case ZonedDateTime z -> instant.atZone(z.getZone());
            case OffsetDateTime o -> instant.atOffset(o.getOffset());
            case LocalDateTime l -> LocalDateTime.ofInstant(instant, zone);
            case LocalDate d -> LocalDate.ofInstant(instant, zone);
            default -> instant;
        };
    }

    private static List<VEvent> events(String text) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            return calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        } catch (java.io.IOException | ParserException | RuntimeException e) {
            return List.of();
        }
    }
}
