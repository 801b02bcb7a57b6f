package app.spotter.sync.caldav;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * Edits of a stored calendar object as the trainer's calendar app makes them, on the iCalendar text as another
 * client would: a move writes DTSTART and DTEND in the event's zone or in UTC and may raise SEQUENCE (RFC 5546
 * 2.1.4; python-caldav and Apple do), a retitle replaces SUMMARY. Only the VEVENT is touched: the VTIMEZONE has
 * DTSTART lines of its own.
 */
public final class CalendarAppEdits {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private CalendarAppEdits() {}

    public static String moved(String ics, Instant to, Duration length, ZoneId zone, boolean inUtc,
            boolean raiseSequence) {
        return inEvent(ics, e -> {
            String moved = e.replaceAll("(?m)^DTSTART[;:][^\r\n]*", time("DTSTART", to, zone, inUtc))
                    .replaceAll("(?m)^DTEND[;:][^\r\n]*", time("DTEND", to.plus(length), zone, inUtc));
            return raiseSequence ? moved.replaceAll("(?m)^SEQUENCE:\\d+", "SEQUENCE:99") : moved;
        });
    }

    /** {@code title} is the test's own plain text (no character iCalendar would escape). */
    public static String retitled(String ics, String title) {
        return inEvent(ics, e -> e.replaceAll("(?m)^SUMMARY:[^\r\n]*(\r\n [^\r\n]*)*", "SUMMARY:" + title));
    }

    private static String time(String name, Instant at, ZoneId zone, boolean inUtc) {
        return inUtc ? name + ":" + LOCAL.format(at.atZone(ZoneOffset.UTC)) + "Z"
                : name + ";TZID=" + zone.getId() + ":" + LOCAL.format(at.atZone(zone));
    }

    private static String inEvent(String ics, UnaryOperator<String> edit) {
        int at = ics.indexOf("BEGIN:VEVENT");
        return ics.substring(0, at) + edit.apply(ics.substring(at));
    }
}
