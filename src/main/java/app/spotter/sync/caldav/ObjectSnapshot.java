package app.spotter.sync.caldav;

import app.spotter.sync.RecurrenceRules;
import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RemoteSnapshot;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Reads the time, status and title of a calendar object another client may have edited, and for a series its rule,
 * exclusions and overrides ({@link SeriesSnapshot}). Only an unambiguous time is taken: a DTSTART with a zone or in
 * UTC, and a DTEND or DURATION. Floating times and all-day dates (RFC 5545 3.3.5 form 1, 3.3.4) have no instant
 * without guessing a zone, so such an object is "unreadable" and the change is put back rather than guessed at.
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
        Optional<Instant[]> time = time(master);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        String summary = master.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
        RemoteSeries series = null;
        if (repeating) {
            Optional<RemoteSeries> read = SeriesSnapshot.of(master, events);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            series = read.get();
        }
        return Optional.of(new RemoteSnapshot(etag, time.get()[0], time.get()[1], cancelled(master), repeating,
                summary, series));
    }

    /** Start and end of one VEVENT, when both are unambiguous instants. */
    static Optional<Instant[]> time(VEvent event) {
        Optional<Instant> start = instant(event, Property.DTSTART);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> end = instant(event, Property.DTEND);
        if (end.isEmpty()) {
            end = event.getProperty(Property.DURATION)
                    .map(p -> ((net.fortuna.ical4j.model.property.Duration) p).getDuration())
                    .filter(java.time.Duration.class::isInstance)
                    .map(d -> start.get().plus((java.time.Duration) d));
        }
        return end.map(e -> new Instant[] {start.get(), e});
    }

    static boolean cancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(Property::getValue).map("CANCELLED"::equalsIgnoreCase)
                .orElse(false);
    }

    static Optional<Instant> instant(VEvent event, String name) {
        return event.getProperty(name).flatMap(p -> instant((Temporal) ((DateProperty<?>) p).getDate()));
    }

    static Optional<Instant> instant(Temporal t) {
        return switch (t) {
            case Instant i -> Optional.of(i);
            case ZonedDateTime z -> Optional.of(z.toInstant());
            case OffsetDateTime o -> Optional.of(o.toInstant());
            case null, default -> Optional.empty();
        };
    }

    /**
     * The rule, the EXDATEs and the overrides of a series object. Anything Spotter could only guess at (a ranged
     * override, RFC 5545 3.8.4.4 RANGE=THISANDFUTURE; an exclusion or override with a floating or all-day time)
     * makes the object unreadable.
     */
    static final class SeriesSnapshot {

        private SeriesSnapshot() {}

        static Optional<RemoteSeries> of(VEvent master, List<VEvent> events) {
            Optional<RemoteSeries.Rule> rule = master.getProperty(Property.RRULE)
                    .flatMap(p -> RecurrenceRules.of(((net.fortuna.ical4j.model.property.RRule<?>) p).getRecur()));
            if (rule.isEmpty() || master.getProperty(Property.RDATE).isPresent()) {
                return Optional.empty(); // no rule, or extra dates: not a series Spotter wrote
            }
            Set<Instant> exdates = new HashSet<>();
            // EXDATE may repeat, each with a list of values (RFC 5545 3.8.5.1)
            for (Property p : master.getProperties(Property.EXDATE)) {
                for (Object date : ((DateListProperty<?>) p).getDates()) {
                    Optional<Instant> at = instant((Temporal) date);
                    if (at.isEmpty()) {
                        return Optional.empty();
                    }
                    exdates.add(at.get());
                }
            }
            Map<Instant, RemoteSeries.Occurrence> overrides = new HashMap<>();
            for (VEvent e : events) {
                if (e == master) {
                    continue;
                }
                Property rid = e.getProperty(Property.RECURRENCE_ID).orElseThrow();
                if (rid.getParameter(Parameter.RANGE).isPresent()) {
                    return Optional.empty(); // "this and future": a change of the rule, not of one occurrence
                }
                Optional<Instant> occurrence = instant((Temporal) ((DateProperty<?>) rid).getDate());
                Optional<Instant[]> time = time(e);
                if (occurrence.isEmpty() || time.isEmpty()) {
                    return Optional.empty();
                }
                overrides.put(occurrence.get(),
                        new RemoteSeries.Occurrence(time.get()[0], time.get()[1], cancelled(e)));
            }
            return Optional.of(new RemoteSeries(rule.get(), exdates, overrides));
        }
    }
}
