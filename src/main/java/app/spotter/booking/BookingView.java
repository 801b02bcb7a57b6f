package app.spotter.booking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A booking as the API shows it: instants rendered in the trainer's zone with their offset. */
public record BookingView(UUID id, UUID clientId, String startsAt, String endsAt, String sessionType, String location,
        String notes, String colorHex, String status) {

    public static BookingView of(Booking b, ZoneId zone) {
        BookingDetails d = b.details();
        return new BookingView(b.id(), d.clientId(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.startsAt().atZone(zone)),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.endsAt().atZone(zone)),
                d.sessionType().value(), d.location(), d.notes(), d.colorHex(), b.status().value());
    }
}
