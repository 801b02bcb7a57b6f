package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingRequest;
import app.spotter.booking.Bookings;
import app.spotter.preferences.Preferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Reschedules a session dragged (or resized) in the calendar. Answers 200 either way with {@code ok} and a
 * message the page announces, so a refused move (overlap) reverts without the browser logging a failed request.
 */
@Controller
class BookingMoveController {

    public record Outcome(boolean ok, String message) {}

    private final Bookings bookings;
    private final Preferences preferences;
    private final SessionWords words;

    BookingMoveController(Bookings bookings, Preferences preferences, SessionWords words) {
        this.bookings = bookings;
        this.preferences = preferences;
        this.words = words;
    }

    /**
     * @param start and {@code end}: wall-clock times in the display zone, as FullCalendar gives them
     * @param back true when this move is an Undo (the message then says "moved back")
     */
    @PostMapping("/app/bookings/{id}/move")
    @ResponseBody
    Outcome move(@PathVariable UUID id, @RequestParam String start, @RequestParam String end,
            @RequestParam(defaultValue = "false") boolean back) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = preferences.get(trainerId).timezoneDisplay();
        try {
            Booking current = bookings.get(trainerId, id);
            FormJson body = new FormJson().text("starts_at", offset(start, zone), false)
                    .text("ends_at", offset(end, zone), false);
            Booking moved = bookings.change(trainerId, id, BookingRequest.read(body.json(), current.details()));
            return new Outcome(true, words.whose(moved) + (back ? " moved back to " : " moved to ")
                    + words.when(moved) + ".");
        } catch (ApiProblem problem) {
            return new Outcome(false, "Not moved: " + problem.getMessage());
        }
    }

    private static String offset(String wallClock, ZoneId zone) {
        try {
            String v = wallClock.length() > 19 ? wallClock.substring(0, 19) : wallClock;
            return LocalDateTime.parse(v).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return wallClock;
        }
    }
}
