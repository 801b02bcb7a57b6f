package app.spotter.sync.caldav;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;

/**
 * What another calendar client (an iPhone, Calendar.app) does to a series object when the trainer changes one
 * occurrence there, done with ical4j on the object the server stores: a moved occurrence becomes an override
 * VEVENT with the master's UID and a RECURRENCE-ID (RFC 5545 3.8.4.4); a deleted one an EXDATE on the master
 * (3.8.5.1) or an override with STATUS:CANCELLED. Times are written as the master's: local with its TZID.
 */
public final class OtherClient {

    private OtherClient() {}

    /** The occurrence the rule gives at {@code occurrence} moved to [start, end) (its override made or changed). */
    public static String moveOccurrence(String ics, Instant occurrence, Instant start, Instant end) {
        return edit(ics, (calendar, master, zone) -> {
            VEvent override = override(calendar, master, zone, occurrence);
            override.replace(new DtStart<>(tz(zone), LocalDateTime.ofInstant(start, zone)));
            override.replace(new DtEnd<>(tz(zone), LocalDateTime.ofInstant(end, zone)));
        });
    }

    /** The occurrence deleted as Calendar.app does: an EXDATE added to the master. */
    static String excludeOccurrence(String ics, Instant occurrence) {
        return edit(ics, (calendar, master, zone) -> master.add(new ExDate<>(tz(zone),
                new DateList<>(List.of(LocalDateTime.ofInstant(occurrence, zone))))));
    }

    /** The occurrence deleted as some clients do: an override with STATUS:CANCELLED. */
    static String cancelOccurrence(String ics, Instant occurrence) {
        return edit(ics, (calendar, master, zone) -> override(calendar, master, zone, occurrence)
                .replace(new Status("CANCELLED")));
    }

    private interface Edit {
        void apply(Calendar calendar, VEvent master, ZoneId zone);
    }

    private static String edit(String ics, Edit edit) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            VEvent master = events(calendar).stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty())
                    .findFirst().orElseThrow();
            Property dtStart = master.getProperty(Property.DTSTART).orElseThrow();
            ZoneId zone = ZoneId.of(dtStart.getParameter(Parameter.TZID).orElseThrow().getValue());
            edit.apply(calendar, master, zone);
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("the test's edit of the calendar object failed", e);
        }
    }

    private static VEvent override(Calendar calendar, VEvent master, ZoneId zone, Instant occurrence) {
        Optional<VEvent> existing = events(calendar).stream().filter(e -> e.getProperty(Property.RECURRENCE_ID)
                .map(p -> ObjectSnapshot.instant(java.time.temporal.Temporal.class.cast(
                        ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate())).orElse(null))
                .filter(occurrence::equals).isPresent()).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        VEvent override = master.copy();
        override.removeAll(Property.RRULE, Property.EXDATE, Property.RDATE);
        Instant end = occurrence.plus(java.time.Duration.between(
                ObjectSnapshot.instant(master, Property.DTSTART).orElseThrow(),
                ObjectSnapshot.instant(master, Property.DTEND).orElseThrow()));
        override.replace(new DtStart<>(tz(zone), LocalDateTime.ofInstant(occurrence, zone)));
        override.replace(new DtEnd<>(tz(zone), LocalDateTime.ofInstant(end, zone)));
        override.add(new RecurrenceId<>(tz(zone), LocalDateTime.ofInstant(occurrence, zone)));
        List<CalendarComponent> components = new java.util.ArrayList<>(calendar.getComponents());
        components.add(override);
        calendar.setComponentList(new ComponentList<>(components));
        return override;
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static ParameterList tz(ZoneId zone) {
        return new ParameterList(List.of(new TzId(zone.getId())));
    }
}
