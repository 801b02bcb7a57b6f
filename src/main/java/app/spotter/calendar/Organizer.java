package app.spotter.calendar;

import java.util.Objects;

/**
 * The trainer as iTIP ORGANIZER (RFC 5546 2.1.1): the calendar user who sends REQUEST and CANCEL.
 *
 * @param name the CN shown by mail clients; null for none
 */
public record Organizer(String name, String email) {
    public Organizer {
        Objects.requireNonNull(email, "email");
        CalendarAddresses.requireEmail(email);
    }
}
