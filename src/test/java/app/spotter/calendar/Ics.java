package app.spotter.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** The one parser path for everything the tests read: Spotter's output and the real-world fixtures alike. */
final class Ics {

    private Ics() {}

    static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("unparseable iCalendar: " + e.getMessage() + "\n" + text, e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = Ics.class.getResourceAsStream("/ics/" + name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = events(calendar);
        if (events.size() != 1) {
            throw new AssertionError("expected one VEVENT, found " + events.size());
        }
        return events.getFirst();
    }

    static String value(PropertyListAccessor component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    static String parameter(Property property, String parameter) {
        return property.getParameter(parameter).map(p -> p.getValue()).orElse(null);
    }

    /** The instant a DTSTART/DTEND denotes, resolved through the VTIMEZONE in the parsed object. */
    static Instant instant(DateProperty<?> property) {
        return Instant.from(property.getDate());
    }

    /** Physical lines as sent (folded), split on CRLF only. */
    static List<String> physicalLines(String text) {
        return Arrays.asList(text.split("\r\n", -1));
    }
}
