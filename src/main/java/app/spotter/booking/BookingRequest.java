package app.spotter.booking;

import app.spotter.support.web.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads create and PATCH bodies into {@link BookingDetails}; on PATCH, absent fields keep their value. Public so the
 * browser app applies exactly the API's rules to its forms (it sends the same snake_case fields).
 */
public final class BookingRequest {

    /** Book over time off or a busy calendar (the trainer's "Book anyway"); read by {@link #allowConflict}. */
    public static final String ALLOW_CONFLICT = "allow_conflict";
    static final Set<String> FIELDS = Set.of("client_id", "starts_at", "ends_at", "duration_minutes",
            "session_type", "location", "notes", "color_hex", "client_ids", "capacity", ALLOW_CONFLICT);
    /** The most clients one session may hold. */
    static final int MAX_CAPACITY = 100;
    static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    private BookingRequest() {}

    /**
     * @param body the API's JSON fields
     * @param current the booking's details for PATCH, null for create
     * @throws app.spotter.support.web.ApiProblem listing every invalid field
     */
    public static BookingDetails read(tools.jackson.databind.JsonNode body, BookingDetails current) {
        return read(JsonFields.of(body, FIELDS), current);
    }

    /** Whether the body says {@code allow_conflict: true}. */
    public static boolean allowConflict(tools.jackson.databind.JsonNode body) {
        tools.jackson.databind.JsonNode value = body == null ? null : body.get(ALLOW_CONFLICT);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw app.spotter.support.web.ApiProblem.invalid(ALLOW_CONFLICT, "must be true or false");
        }
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /**
     * Who is in the session and how many it holds, as a body says.
     *
     * @param clientIds in order: {@code client_ids}, or {@code client_id} as a list of one, or else the current
     * @param capacity the session's own capacity, or null for its session type's default
     */
    public record Participants(List<UUID> clientIds, Integer capacity) {}

    /**
     * Call after {@link #read}, which has already refused invalid ids.
     *
     * @param current the booking for PATCH, null for create
     */
    public static Participants participants(tools.jackson.databind.JsonNode body, Booking current) {
        return participants(JsonFields.of(body, FIELDS), current);
    }

    static Participants participants(JsonFields f, Booking current) {
        List<UUID> clientIds;
        if (f.has("client_ids")) {
            clientIds = f.uuids("client_ids", true, MAX_CAPACITY);
        } else if (f.has("client_id") || current == null) {
            clientIds = List.of(f.uuid("client_id", true));
        } else {
            clientIds = current.clientIds();
        }
        Integer capacity = f.has("capacity") ? f.integer("capacity", false, 1, MAX_CAPACITY)
                : current == null ? null : current.ownCapacity();
        f.validate();
        return new Participants(clientIds, capacity);
    }

    /** @param current the booking's details for PATCH, null for create */
    static BookingDetails read(JsonFields f, BookingDetails current) {
        boolean create = current == null;
        if (f.has("client_id") && f.has("client_ids")) {
            f.reject("client_ids", "give either client_id or client_ids, not both");
        }
        List<UUID> clientIds = f.has("client_ids") ? f.uuids("client_ids", true, MAX_CAPACITY) : null;
        UUID clientId = f.has("client_ids") ? (clientIds == null ? null : clientIds.getFirst())
                : create || f.has("client_id") ? f.uuid("client_id", true) : current.clientId();
        OffsetDateTime start = create || f.has("starts_at") ? f.dateTime("starts_at", true) : null;
        OffsetDateTime end = f.dateTime("ends_at", false);
        Integer minutes = f.integer("duration_minutes", false, 5, 24 * 60);
        if (end != null && minutes != null) {
            f.reject("duration_minutes", "give either ends_at or duration_minutes, not both");
        }
        if (create && end == null && minutes == null && !f.hasError("ends_at") && !f.hasError("duration_minutes")) {
            f.reject("ends_at", "is required (or give duration_minutes)");
        }
        SessionType type = create ? SessionType.ONE_ON_ONE : current.sessionType();
        if (f.has("session_type")) {
            String value = f.text("session_type", true, 50);
            type = value == null ? type : SessionType.fromValue(value).orElse(null);
            if (value != null && type == null) {
                f.reject("session_type", "must be one of " + Arrays.stream(SessionType.values())
                        .map(SessionType::value).collect(Collectors.joining(", ")));
            }
        }
        String location = f.has("location") || create ? f.text("location", false, 500) : current.location();
        String notes = f.has("notes") || create ? f.text("notes", false, 5000) : current.notes();
        String color = f.has("color_hex") || create ? f.text("color_hex", false, 7) : current.colorHex();
        if (color != null && !COLOR.matcher(color).matches()) {
            f.reject("color_hex", "must be a colour like #1E90FF");
        }
        if (f.has("capacity")) {
            f.integer("capacity", false, 1, MAX_CAPACITY); // checked here so every invalid field is named at once
        }
        f.validate();

        Instant startsAt = start != null ? start.toInstant() : current.startsAt();
        Instant endsAt;
        if (end != null) {
            endsAt = end.toInstant();
        } else if (minutes != null) {
            endsAt = startsAt.plus(Duration.ofMinutes(minutes));
        } else {
            // a reschedule that moves only the start keeps the session's length
            endsAt = startsAt.plus(Duration.between(current.startsAt(), current.endsAt()));
        }
        if (!endsAt.isAfter(startsAt)) {
            throw app.spotter.support.web.ApiProblem.invalid("ends_at", "must be after starts_at");
        }
        if (Duration.between(startsAt, endsAt).compareTo(Booking.LONGEST) > 0) {
            throw app.spotter.support.web.ApiProblem.invalid("ends_at", "a session lasts at most 24 hours");
        }
        return new BookingDetails(clientId, startsAt, endsAt, type,
                location, notes, color == null ? null : color.toUpperCase(Locale.ROOT));
    }
}
