package app.spotter.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationException;

/** Writes a calendar as RFC 5545 text: ical4j escapes and writes CRLF lines; folding is made octet-exact below it. */
final class ICalendarText {

    private ICalendarText() {}

    static String write(Calendar calendar) {
        StringWriter text = new StringWriter(4096);
        try {
            // not validating: the objects are built to the RFCs here and checked in tests; validation per write
            // would cost more than the rendering in a 5,000-event feed
            new CalendarOutputter(false).output(calendar, new OctetFoldingWriter(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
