package app.spotter.booking;

import java.util.Objects;
import java.util.UUID;

/**
 * One client in a booking.
 *
 * @param attendance null until marked
 */
public record Participant(UUID clientId, Attendance attendance) {

    public Participant {
        Objects.requireNonNull(clientId, "clientId");
    }
}
