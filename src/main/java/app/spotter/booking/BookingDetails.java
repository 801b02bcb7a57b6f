package app.spotter.booking;

import java.time.Instant;
import java.util.UUID;

/** What the trainer decides about a booking; everything else (status, sequence) the aggregate decides. */
public record BookingDetails(UUID clientId, Instant startsAt, Instant endsAt, SessionType sessionType,
        String location, String notes, String colorHex) {

    BookingDetails withClient(UUID client) {
        return new BookingDetails(client, startsAt, endsAt, sessionType, location, notes, colorHex);
    }
}
