package app.spotter.calendar;

import java.util.Objects;

/**
 * A client invited to a session (iTIP ATTENDEE, RFC 5546 2.1.1).
 *
 * @param name the CN shown by mail clients; null for none
 * @param rsvp whether the organizer asks for an answer (RFC 5545 3.2.17): only when someone reads the answers
 */
public record Attendee(String name, String email, boolean rsvp) {
    public Attendee {
        Objects.requireNonNull(email, "email");
        CalendarAddresses.requireEmail(email);
    }

    /** An attendee asked for no answer. */
    public Attendee(String name, String email) {
        this(name, email, false);
    }
}
