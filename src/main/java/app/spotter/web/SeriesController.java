package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingDetails;
import app.spotter.booking.BookingRequest;
import app.spotter.booking.Bookings;
import app.spotter.booking.Conflicts;
import app.spotter.preferences.Preferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The series' own parts of the calendar: the "Repeats" summary as the trainer fills the dialog in, and the scope
 * dialog after a session of a series was dragged ("This session", "This and following", "All sessions").
 */
@Controller
class SeriesController {

    private final Bookings bookings;
    private final SeriesEdits edits;
    private final Preferences preferences;
    private final SessionWords words;
    private final Conflicts conflicts;

    SeriesController(Bookings bookings, SeriesEdits edits, Preferences preferences, SessionWords words,
            Conflicts conflicts) {
        this.bookings = bookings;
        this.edits = edits;
        this.preferences = preferences;
        this.words = words;
        this.conflicts = conflicts;
    }

    /** The summary sentence for the dialog's current Repeats values (htmx swaps it in as they change). */
    @GetMapping("/app/bookings/repeats-summary")
    String summary(@RequestParam Map<String, String> form, Model model, HttpServletRequest request) {
        Map<String, String> values = new HashMap<>(form);
        RepeatsForm.keepDays(values, request.getParameterValues(RepeatsForm.DAYS_FIELD));
        model.addAttribute("repeatsSummary", RepeatsForm.summary(values));
        return "series :: summary";
    }

    /** Asks which sessions a drag moves; {@code start} and {@code end} as FullCalendar gives them. */
    @GetMapping("/app/bookings/{id}/move-scope")
    String askScope(@PathVariable UUID id, @RequestParam String start, @RequestParam String end, Model model) {
        UUID trainerId = CurrentTrainer.id();
        Booking booking = bookings.get(trainerId, id);
        return moveDialog(model, booking, start, end, null);
    }

    @PostMapping("/app/bookings/{id}/move-scope")
    String move(@PathVariable UUID id, @RequestParam String start, @RequestParam String end,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "skip_conflicts", defaultValue = "false") boolean skip, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = zone(trainerId);
        Booking current = bookings.get(trainerId, id);
        SeriesEdits.Scope which = SeriesEdits.Scope.of(scope);
        try {
            FormJson body = new FormJson().text("starts_at", offset(start, zone), false)
                    .text("ends_at", offset(end, zone), false);
            BookingDetails wanted = BookingRequest.read(body.json(), current.details());
            conflicts.refresh(trainerId);
            String message;
            if (current.seriesId() == null || which == SeriesEdits.Scope.ONE) {
                Booking moved = bookings.change(trainerId, id, wanted);
                message = words.whose(moved) + " moved to " + words.when(moved) + ".";
            } else {
                var changed = edits.change(trainerId, current, wanted, which, skip);
                var s = changed.series();
                message = (which == SeriesEdits.Scope.ALL ? words.whose(current) + "s still to come moved."
                        : words.whose(current) + " on " + words.when(current) + " and the following ones moved.")
                        + " Now: " + SeriesSummary.of(s.recurrence(), s.startDate(), s.startTime()) + ".";
                if (!changed.skippedStarts().isEmpty()) {
                    message += " Left out because they clash: " + String.join(", ", changed.skippedStarts().stream()
                            .map(t -> SessionWords.WHEN.format(t.atZone(zone))).toList()) + ".";
                }
            }
            Htmx.trigger(response, Htmx.SESSIONS_CHANGED, Map.of("value", message, "tone", "ok"));
            return "booking :: done";
        } catch (ApiProblem problem) {
            model.addAttribute("scope", which.name().toLowerCase(java.util.Locale.ROOT));
            if (SeriesEdits.isClashList(problem)) {
                model.addAttribute("clashes", SeriesEdits.clashes(problem, zone));
                return moveDialog(model, current, start, end, null);
            }
            return moveDialog(model, current, start, end, "Not moved: " + problem.getMessage());
        }
    }

    private String moveDialog(Model model, Booking booking, String start, String end, String problem) {
        UUID trainerId = booking.trainerId();
        ZoneId zone = zone(trainerId);
        model.addAttribute("booking", booking);
        model.addAttribute("series", edits.of(trainerId, booking).orElse(null));
        model.addAttribute("start", start);
        model.addAttribute("end", end);
        model.addAttribute("question", words.whose(booking) + " on " + words.when(booking) + " to "
                + spoken(start, zone, booking) + "?");
        model.addAttribute("problem", problem);
        return "series :: move";
    }

    private static String spoken(String wallClock, ZoneId zone, Booking fallback) {
        try {
            return SessionWords.WHEN.format(LocalDateTime.parse(cut(wallClock)));
        } catch (DateTimeParseException e) {
            return SessionWords.WHEN.format(fallback.details().startsAt().atZone(zone));
        }
    }

    private ZoneId zone(UUID trainerId) {
        return preferences.get(trainerId).timezoneDisplay();
    }

    private static String cut(String wallClock) {
        return wallClock.length() > 19 ? wallClock.substring(0, 19) : wallClock;
    }

    private static String offset(String wallClock, ZoneId zone) {
        try {
            return LocalDateTime.parse(cut(wallClock)).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return wallClock;
        }
    }
}
