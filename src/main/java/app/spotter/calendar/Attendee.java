package app.spotter.calendar;

import java.util.Objects;

/**
 * A client invited to a session (iTIP ATTENDEE, RFC 5546 2.1.1).
 *
 * @param name the CN shown by mail clients; null for none
 */
public record Attendee(String name, String email) {
    public Attendee {
        Objects.requireNonNull(email, "email");
        CalendarAddresses.requireEmail(email);
    }
}
