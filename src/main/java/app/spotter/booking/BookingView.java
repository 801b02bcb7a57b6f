package app.spotter.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A booking as the API shows it: instants rendered in the trainer's zone with their offset. {@code clientId} is the
 * first participant (what single-client callers read); {@code clientIds} and {@code participants} list them all.
 * {@code seriesId} is null for a single session; {@code skipped} appears only in the answer that created a series.
 */
public record BookingView(UUID id, UUID clientId, String startsAt, String endsAt, String sessionType, String location,
        String notes, String colorHex, String status, List<UUID> clientIds, int capacity,
        List<ParticipantView> participants, String cancelReason, boolean lateCancel,
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID seriesId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Skipped> skipped) {

    /** @param attendance attended, no_show, late_cancel, or null while unmarked */
    public record ParticipantView(UUID clientId, String attendance) {}

    /** A date the series left out, and why. */
    public record Skipped(String startsAt, String reason) {}

    public static BookingView of(Booking b, ZoneId zone) {
        BookingDetails d = b.details();
        return new BookingView(b.id(), d.clientId(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.startsAt().atZone(zone)),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.endsAt().atZone(zone)),
                d.sessionType().value(), d.location(), d.notes(), d.colorHex(), b.status().value(), b.clientIds(),
                b.capacity(), b.participants().stream().map(p -> new ParticipantView(p.clientId(),
                        p.attendance() == null ? null : p.attendance().value())).toList(),
                b.cancelReason(), b.lateCancel(), b.seriesId(), null);
    }

    static List<Skipped> skipped(List<SeriesPlan.Clash> clashes, ZoneId zone) {
        return clashes.stream().map(c -> new Skipped(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.startsAt().atZone(zone)), c.reason())).toList();
    }

    BookingView withSkipped(List<Skipped> dates) {
        return new BookingView(id, clientId, startsAt, endsAt, sessionType, location, notes, colorHex, status,
                clientIds, capacity, participants, cancelReason, lateCancel, seriesId, dates);
    }
}
