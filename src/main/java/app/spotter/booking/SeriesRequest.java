package app.spotter.booking;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code recurrence} object ({@code {frequency: "weekly", interval?, days: ["MO".."SU"], until? | count?}})
 * and the series PATCH body. Public so the browser app applies the API's rules to its "Repeats" control.
 */
public final class SeriesRequest {

    static final Set<String> RECURRENCE_FIELDS = Set.of("frequency", "interval", "days", "until", "count");
    static final Set<String> PATCH_FIELDS = Set.of("scope", "from", "client_id", "starts_at", "ends_at",
            "duration_minutes", "session_type", "location", "notes", "color_hex", "recurrence", "skip_conflicts");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    private SeriesRequest() {}

    /** @throws ApiProblem 400 naming every invalid part, as {@code recurrence.<field>} */
    public static Recurrence recurrence(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiProblem.invalid("recurrence", "must be an object like {\"frequency\":\"weekly\",\"days\":[\"MO\"]}");
        }
        JsonFields f = JsonFields.of(node, RECURRENCE_FIELDS);
        String frequency = f.text("frequency", true, 20);
        if (frequency != null && !frequency.equals("weekly")) {
            f.reject("frequency", "must be weekly");
        }
        Integer interval = f.integer("interval", false, 1, 52);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode list = node.get("days");
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.reject("days", "must list at least one of MO, TU, WE, TH, FR, SA, SU");
        } else {
            for (JsonNode d : list) {
                DayOfWeek day = d.isString() ? DAYS.get(d.stringValue().toUpperCase(Locale.ROOT)) : null;
                if (day == null) {
                    f.reject("days", "must list days as MO, TU, WE, TH, FR, SA, SU");
                    break;
                }
                days.add(day);
            }
        }
        LocalDate until = null;
        String untilText = f.text("until", false, 10);
        if (untilText != null) {
            try {
                until = LocalDate.parse(untilText);
            } catch (DateTimeParseException e) {
                f.reject("until", "must be a date like 2027-06-30");
            }
        }
        Integer count = f.integer("count", false, 1, 1000);
        if (until != null && count != null) {
            f.reject("count", "give until or count, not both (neither: the series does not end)");
        }
        List<ApiProblem.FieldError> errors;
        try {
            f.validate();
        } catch (ApiProblem p) {
            errors = p.errors().stream()
                    .map(e -> new ApiProblem.FieldError("recurrence." + e.field(), e.message())).toList();
            throw ApiProblem.invalid(errors);
        }
        return new Recurrence(interval == null ? 1 : interval, days, until, count);
    }

    /** A PATCH of a series, read against nothing: absent fields stay as they are. */
    static SeriesChange change(JsonFields f, JsonNode body) {
        var client = f.uuid("client_id", false);
        OffsetDateTime start = f.dateTime("starts_at", false);
        OffsetDateTime end = f.dateTime("ends_at", false);
        Integer minutes = f.integer("duration_minutes", false, 5, 24 * 60);
        if (end != null && minutes != null) {
            f.reject("duration_minutes", "give either ends_at or duration_minutes, not both");
        }
        if (end != null && start == null) {
            f.reject("ends_at", "needs starts_at (or give duration_minutes)");
        }
        SessionType type = null;
        if (f.has("session_type")) {
            String value = f.text("session_type", true, 50);
            type = value == null ? null : SessionType.fromValue(value).orElse(null);
            if (value != null && type == null) {
                f.reject("session_type", "is not a session type");
            }
        }
        String location = f.text("location", false, 500);
        String notes = f.text("notes", false, 5000);
        String color = f.text("color_hex", false, 7);
        if (color != null && !BookingRequest.COLOR.matcher(color).matches()) {
            f.reject("color_hex", "must be a colour like #1E90FF");
        }
        Boolean skip = f.bool("skip_conflicts", false);
        f.validate();
        Recurrence recurrence = body.has("recurrence") ? recurrence(body.get("recurrence")) : null;
        Duration duration = minutes != null ? Duration.ofMinutes(minutes)
                : end != null ? Duration.between(start, end) : null;
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.toHours() > 24)) {
            throw ApiProblem.invalid("ends_at", "must be after starts_at, at most 24 hours");
        }
        return new SeriesChange(client, type, f.has("location"), location, f.has("notes"), notes,
                f.has("color_hex"), color == null ? null : color.toUpperCase(Locale.ROOT),
                start == null ? null : start.toInstant(), duration, recurrence, Boolean.TRUE.equals(skip));
    }
}
