package app.spotter.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A series as the VEVENTs of one calendar object (RFC 5545 3.8.5, RFC 4791 4.1: every component of one UID in one
 * resource): the master with RRULE and EXDATE, then one override per changed occurrence, each carrying the master's
 * UID and a RECURRENCE-ID (3.8.4.4) that names the occurrence it replaces.
 *
 * <p>The master's DTSTART, EXDATE and every RECURRENCE-ID are local times with the series' TZID: a rule expands in
 * local time (3.3.10), so 06:00 stays 06:00 across DST changes; in UTC it would drift an hour twice a year.
 * RECURRENCE-ID and EXDATE take DTSTART's value type (3.8.4.4, 3.8.5.1). UNTIL is then UTC (3.3.10).
 */
final class SeriesComponents {

    private SeriesComponents() {}

    /** @param zone the series' zone definition; empty (a bare offset) writes UTC throughout */
    static List<VEvent> of(CalendarEvent e, Instant stamp, Optional<TimeZones.Definition> zone) {
        Repeating r = e.repeating();
        List<Property> master = new ArrayList<>(EventProperties.of(e, e.summary(), stamp, zone));
        master.add(new RRule<>(rule(r)));
        if (!r.exdates().isEmpty()) {
            master.add(zone.isPresent()
                    ? new ExDate<>(tzId(zone.get()), new DateList<>(r.exdates().stream()
                            .map(t -> LocalDateTime.ofInstant(t, zone.get().zone())).toList()))
                    : new ExDate<>(new DateList<>(r.exdates())));
        }
        List<VEvent> events = new ArrayList<>(1 + r.overrides().size());
        events.add(new VEvent(new PropertyList(master)));
        for (Repeating.Override o : r.overrides()) {
            // SEQUENCE as the master's: the object changes as one (RFC 5546 2.1.5)
            CalendarEvent occurrence = o.event().withSequence(e.sequence());
            List<Property> properties = new ArrayList<>(
                    EventProperties.of(occurrence, occurrence.summary(), stamp, zone));
            properties.add(zone.isPresent()
                    ? new RecurrenceId<>(tzId(zone.get()), LocalDateTime.ofInstant(o.recurrenceId(), zone.get().zone()))
                    : new RecurrenceId<>(o.recurrenceId()));
            events.add(new VEvent(new PropertyList(properties)));
        }
        return events;
    }

    /**
     * One occurrence of a series on its own (RFC 5546 3.2.2 and 3.2.5 with RECURRENCE-ID: an iTIP message about
     * one instance): {@code occurrence} is the instance as a single event of the series' UID.
     */
    static VEvent occurrence(CalendarEvent occurrence, Instant recurrenceId, Instant stamp,
            Optional<TimeZones.Definition> zone, List<Property> extra) {
        List<Property> properties = new ArrayList<>(EventProperties.of(occurrence, occurrence.summary(), stamp, zone));
        properties.add(zone.isPresent()
                ? new RecurrenceId<>(tzId(zone.get()), LocalDateTime.ofInstant(recurrenceId, zone.get().zone()))
                : new RecurrenceId<>(recurrenceId));
        properties.addAll(extra);
        return new VEvent(new PropertyList(properties));
    }

    /**
     * The RRULE and EXDATE lines of a series as Google's {@code recurrence} field takes them (RFC 5545 text, one
     * property per line, no folding), EXDATE in the series' zone as its DTSTART.
     */
    static List<String> recurrenceLines(CalendarEvent e) {
        Repeating r = e.repeating();
        List<String> lines = new ArrayList<>(2);
        lines.add(new RRule<>(rule(r)).toString().strip());
        if (!r.exdates().isEmpty()) {
            ParameterList zone = new ParameterList(List.of(new TzId(e.zone().getId())));
            lines.add(new ExDate<>(zone, new DateList<>(r.exdates().stream()
                    .map(t -> LocalDateTime.ofInstant(t, e.zone())).toList())).toString().strip());
        }
        return lines;
    }

    private static Recur<Instant> rule(Repeating r) {
        Recur.Builder<Instant> b = new Recur.Builder<Instant>().frequency(Frequency.WEEKLY)
                .dayList(r.days().stream().map(WeekDay::getWeekDay).toList());
        if (r.intervalWeeks() > 1) {
            b.interval(r.intervalWeeks());
        }
        if (r.until() != null) {
            b.until(r.until());
        }
        if (r.count() != null) {
            b.count(r.count());
        }
        return b.build();
    }

    private static ParameterList tzId(TimeZones.Definition zone) {
        return new ParameterList(List.of(new TzId(zone.tzId())));
    }
}
