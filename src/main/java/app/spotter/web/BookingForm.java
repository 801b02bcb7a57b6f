package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.support.web.ApiProblem;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The session form's fields, as submitted and as shown. The start is a wall-clock time in the trainer's display
 * zone ({@code datetime-local}); everything else is passed to the booking module's reader under the API's names.
 */
final class BookingForm {

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("client_id", "Client"),
            Map.entry("starts_at", "Start"), Map.entry("ends_at", "End"),
            Map.entry("duration_minutes", "Duration (minutes)"), Map.entry("session_type", "Session type"),
            Map.entry("location", "Location"), Map.entry("notes", "Notes"), Map.entry("color_hex", "Colour"),
            Map.entry("client_ids", "Clients"), Map.entry("capacity", "Capacity"));
    /** The form's checkboxes for the other clients of a group session. */
    static final String MORE = "more_client_ids";
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String BAD_START = "Start must be a date and time.";

    private final JsonNode json;
    private final boolean badStart;

    private BookingForm(JsonNode json, boolean badStart) {
        this.json = json;
        this.badStart = badStart;
    }

    /** @param edit true when blank optional fields should clear what the booking had */
    static BookingForm read(Map<String, String> form, ZoneId zone, boolean edit) {
        return read(form, java.util.List.of(), zone, edit);
    }

    /**
     * @param more the other clients ticked for a group session (the first client is {@code client_id}); with
     *     any, the body carries {@code client_ids}, so that unticking everyone leaves the first client alone
     */
    static BookingForm read(Map<String, String> form, java.util.List<String> more, ZoneId zone, boolean edit) {
        FormJson body = new FormJson();
        String first = form.get("client_id");
        java.util.List<String> others = more.stream().filter(c -> c != null && !c.isBlank() && !c.equals(first))
                .distinct().toList();
        if (others.isEmpty() || first == null || first.isBlank()) {
            body.text("client_id", first, false);
        } else {
            java.util.List<String> all = new java.util.ArrayList<>();
            all.add(first);
            all.addAll(others);
            body.texts("client_ids", all);
        }
        boolean badStart = false;
        String start = form.get("starts_at");
        if (start != null && !start.isBlank()) {
            try {
                body.text("starts_at", LocalDateTime.parse(start.strip()).atZone(zone).toOffsetDateTime().toString(),
                        false);
            } catch (DateTimeParseException e) {
                badStart = true;
                body.text("starts_at", start, false); // refused by the reader along with any other field
            }
        }
        body.number("duration_minutes", form.get("duration_minutes"))
                .text("session_type", form.get("session_type"), false)
                .text("location", form.get("location"), edit)
                .text("notes", form.get("notes"), edit)
                .text("color_hex", form.get("color_hex"), edit);
        return new BookingForm(body.json(), badStart);
    }

    JsonNode json() {
        return json;
    }

    /** Field errors for the form; a refusal without a field (overlap, a client that is not the trainer's) too. */
    FormErrors errors(ApiProblem problem) {
        String fallback = problem.status().value() == 404 ? "client_id" : "starts_at";
        FormErrors errors = FormErrors.of(problem, LABELS, fallback);
        return badStart ? errors.with("starts_at", BAD_START) : errors;
    }

    /** A booking's values as the form shows them. */
    static Map<String, String> valuesOf(Booking booking, ZoneId zone) {
        BookingDetails d = booking.details();
        Map<String, String> form = new HashMap<>();
        form.put("client_id", d.clientId().toString());
        form.put(MORE, String.join(",", booking.clientIds().subList(1, booking.clientIds().size()).stream()
                .map(java.util.UUID::toString).toList()));
        form.put("starts_at", INPUT.format(d.startsAt().atZone(zone)));
        form.put("duration_minutes", Long.toString(Duration.between(d.startsAt(), d.endsAt()).toMinutes()));
        form.put("session_type", d.sessionType().value());
        form.put("location", d.location());
        form.put("notes", d.notes());
        form.put("color_hex", d.colorHex());
        return form;
    }
}
