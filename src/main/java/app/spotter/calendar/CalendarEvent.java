package app.spotter.calendar;

import app.spotter.booking.SessionType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One booking as every calendar should show it, with the trainer's preferences already applied: the summary
 * carries the client's name only when the trainer allows it, the zone is {@code timezone_display}, the colour is
 * the booking's own or its session type's. Notes are not here on purpose: they never leave Spotter (POPIA s26).
 *
 * @param uid iCalendar UID, {@code <booking uuid>@<uid domain>} (stable across every change)
 * @param sequence iCalendar SEQUENCE (RFC 5545 3.8.7.4), raised by every change
 * @param colorHex {@code #RRGGBB} or null when the trainer chose none
 * @param clientIds every participant, in order (the first is {@code clientId}); each gets their own invitation
 * @param repeating the rule and its exceptions when this is a series (then this event is its first occurrence),
 *     null for a single session
 */
public record CalendarEvent(
        UUID bookingId,
        UUID trainerId,
        UUID clientId,
        String uid,
        String summary,
        SessionType sessionType,
        String location,
        Instant start,
        Instant end,
        ZoneId zone,
        String colorHex,
        int sequence,
        boolean cancelled,
        List<UUID> clientIds,
        Repeating repeating) {

    /** A single session (no recurrence) with its participants. */
    public CalendarEvent(UUID bookingId, UUID trainerId, UUID clientId, String uid, String summary,
            SessionType sessionType, String location, Instant start, Instant end, ZoneId zone, String colorHex,
            int sequence, boolean cancelled, List<UUID> clientIds) {
        this(bookingId, trainerId, clientId, uid, summary, sessionType, location, start, end, zone, colorHex,
                sequence, cancelled, clientIds, null);
    }

    /** A single-client series (or single session when {@code repeating} is null). */
    public CalendarEvent(UUID bookingId, UUID trainerId, UUID clientId, String uid, String summary,
            SessionType sessionType, String location, Instant start, Instant end, ZoneId zone, String colorHex,
            int sequence, boolean cancelled, Repeating repeating) {
        this(bookingId, trainerId, clientId, uid, summary, sessionType, location, start, end, zone, colorHex,
                sequence, cancelled, clientId == null ? List.of() : List.of(clientId), repeating);
    }

    /** A single-client event: its one participant is {@code clientId}. */
    public CalendarEvent(UUID bookingId, UUID trainerId, UUID clientId, String uid, String summary,
            SessionType sessionType, String location, Instant start, Instant end, ZoneId zone, String colorHex,
            int sequence, boolean cancelled) {
        this(bookingId, trainerId, clientId, uid, summary, sessionType, location, start, end, zone, colorHex,
                sequence, cancelled, clientId == null ? List.of() : List.of(clientId), null);
    }

    public CalendarEvent {
        clientIds = List.copyOf(clientIds);
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an event ends after it starts");
        }
    }

    /** The same event carrying another SEQUENCE (a copy that changed without the booking changing). */
    public CalendarEvent withSequence(int newSequence) {
        return new CalendarEvent(bookingId, trainerId, clientId, uid, summary, sessionType, location, start, end, zone,
                colorHex, newSequence, cancelled, clientIds, repeating);
    }

    /**
     * One occurrence of this series as a single event of the series' UID: the override when the occurrence was moved
     * or edited, else the rule's occurrence at {@code recurrenceId} with the series' content and length.
     */
    public CalendarEvent occurrence(Instant recurrenceId) {
        Objects.requireNonNull(repeating, "only a series has occurrences");
        return repeating.overrides().stream().filter(o -> o.recurrenceId().equals(recurrenceId)).findFirst()
                .map(o -> new CalendarEvent(bookingId, trainerId, clientId, uid, summary, o.event().sessionType(),
                        o.event().location(), o.event().start(), o.event().end(), zone, o.event().colorHex(),
                        sequence, cancelled, clientIds, null))
                .orElseGet(() -> new CalendarEvent(bookingId, trainerId, clientId, uid, summary, sessionType,
                        location, recurrenceId, recurrenceId.plus(java.time.Duration.between(start, end)), zone,
                        colorHex, sequence, cancelled, clientIds, null));
    }

    /** The same event without the trainer's colour (a client's copy does not follow the trainer's display). */
    public CalendarEvent withoutColor() {
        return new CalendarEvent(bookingId, trainerId, clientId, uid, summary, sessionType, location, start, end, zone,
                null, sequence, cancelled, clientIds, repeating == null ? null : repeating.withoutColor());
    }

    /** The CalDAV resource name and the Google event id both derive from the booking id (retry-safe creates). */
    public String bookingHex() {
        return bookingId.toString().replace("-", "");
    }
}
