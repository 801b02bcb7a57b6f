package app.spotter.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A module that knows of times a session should not go (availability: time off, working hours, busy
 * calendars). Booking declares it and {@link Conflicts} asks every bean that implements it, so booking never
 * depends on the modules that answer.
 */
public interface ConflictSource {

    /** Brings what it knows up to date before a booking is decided; may call remote calendars, so never in a transaction. */
    default void refresh(UUID trainerId) {}

    /** What [start, end) runs into, read from the database only (this runs inside the booking's transaction). */
    List<Clash> clashes(UUID trainerId, Instant start, Instant end);
}
