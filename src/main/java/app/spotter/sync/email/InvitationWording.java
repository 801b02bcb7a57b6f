package app.spotter.sync.email;

import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.ItipMethod;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The plain-language part of an invitation: what happened, when (in the trainer's display zone, never the server's),
 * where, and how to reach the trainer. Values are plain strings; the HTML template escapes them, and the text
 * body and subject take them on one line so a name can never start a new line or header.
 */
record InvitationWording(String subject, String greeting, String headline, String when, String where,
        String contact, String footer) {

    private static final Pattern CONTROLS = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    static InvitationWording of(CalendarEvent event, Recipient recipient, String trainerName, String trainerEmail,
            ItipMethod method, boolean update) {
        ZonedDateTime start = event.start().atZone(event.zone());
        ZonedDateTime end = event.end().atZone(event.zone());
        String summary = line(recipient.summary());
        String trainer = line(trainerName);
        boolean cancel = method == ItipMethod.CANCEL;
        String prefix = cancel ? "Cancelled: " : update ? "Updated: " : "Invitation: ";
        String headline;
        if (recipient.isClient()) {
            headline = cancel ? trainer + " cancelled your session: " + summary + "."
                    : update ? trainer + " changed your session: " + summary + "."
                    : trainer + " booked a session with you: " + summary + ".";
        } else {
            headline = cancel ? "This session was cancelled: " + summary + "."
                    : "Your session in Spotter: " + summary + ".";
        }
        String when = DAY.format(start) + ", " + time(start) + "–"
                + (end.toLocalDate().equals(start.toLocalDate()) ? "" : DAY.format(end) + ", ") + time(end)
                + " (" + event.zone().getId() + " time)";
        String where = event.location() == null || event.location().isBlank() ? null : line(event.location());
        String contact = recipient.isClient()
                ? "Questions? Reply to this email or write to " + trainer + " at " + line(trainerEmail) + "."
                : null;
        return new InvitationWording(prefix + summary + ", " + SHORT_DAY.format(start) + " " + TIME.format(start),
                line(recipient.name()).isEmpty() ? "Hello," : "Hi " + line(recipient.name()) + ",", headline, when,
                where, contact, "Sent by Spotter on behalf of " + trainer + ".");
    }

    /**
     * A clock time, with its UTC offset when the clock shows that time twice that day (clocks going back), so that
     * "01:30–01:00" reads as "01:30 (UTC+01:00)–01:00 (UTC+00:00)", which is what happened.
     */
    static String time(ZonedDateTime at) {
        boolean repeated = at.getZone().getRules().getValidOffsets(at.toLocalDateTime()).size() > 1;
        return TIME.format(at) + (repeated ? " (UTC" + at.getOffset().getId().replace("Z", "+00:00") + ")" : "");
    }

    /** The text/plain body: the same words as the HTML one. */
    String text() {
        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(headline).append("\n\n")
                .append("When: ").append(when).append('\n');
        if (where != null) {
            text.append("Where: ").append(where).append('\n');
        }
        if (contact != null) {
            text.append('\n').append(contact).append('\n');
        }
        return text.append("\n-- \n").append(footer).append('\n').toString();
    }

    private static String line(String value) {
        return value == null ? "" : CONTROLS.matcher(value).replaceAll(" ").strip();
    }
}
