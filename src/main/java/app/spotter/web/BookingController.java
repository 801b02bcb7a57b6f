package app.spotter.web;

import app.spotter.booking.Booking;
import app.spotter.booking.BookingRequest;
import app.spotter.booking.Bookings;
import app.spotter.calendar.CalendarObjects;
import app.spotter.booking.SessionType;
import app.spotter.client.Clients;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncPreferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Book, edit (reschedule) and cancel a session. Each page works alone, and inside the calendar's dialog when
 * htmx asks (then only the form fragment is sent, and success triggers {@link Htmx#SESSIONS_CHANGED}).
 */
@Controller
@RequestMapping("/app/bookings")
class BookingController {

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            java.util.Locale.forLanguageTag("en-ZA"));

    private final Bookings bookings;
    private final Clients clients;
    private final Preferences preferences;
    private final SessionWords words;

    BookingController(Bookings bookings, Clients clients, Preferences preferences, SessionWords words) {
        this.bookings = bookings;
        this.clients = clients;
        this.preferences = preferences;
        this.words = words;
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String start, Model model, HttpServletRequest request) {
        ZoneId zone = zone();
        Map<String, String> form = new HashMap<>();
        form.put("starts_at", BookingForm.INPUT.format(startOrNextHour(start, zone)));
        form.put("duration_minutes", "60");
        form.put("session_type", SessionType.ONE_ON_ONE.value());
        return formPage(model, request, null, form, FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form,
            @RequestParam(name = BookingForm.MORE, required = false) List<String> more, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        more = more == null ? List.of() : more;
        form.put(BookingForm.MORE, String.join(",", more));
        BookingForm input = BookingForm.read(form, more, zone(), false);
        try {
            BookingRequest.Participants who = BookingRequest.participants(input.json(), null);
            Booking booking = bookings.create(trainerId, BookingRequest.read(input.json(), null), who.clientIds(),
                    who.capacity());
            boolean past = words.inThePast(booking);
            return done(booking, words.whose(booking) + " booked for " + words.when(booking) + "."
                    + (past ? " Note: that time is in the past." : ""), past ? "warning" : "ok", null, request,
                    response);
        } catch (ApiProblem problem) {
            return formPage(model, request, null, form, input.errors(problem));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model, HttpServletRequest request) {
        Booking booking = bookings.get(CurrentTrainer.id(), id);
        return formPage(model, request, booking, BookingForm.valuesOf(booking, zone()), FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(name = BookingForm.MORE, required = false) List<String> more, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        Booking current = bookings.get(trainerId, id);
        more = more == null ? List.of() : more;
        form.put(BookingForm.MORE, String.join(",", more));
        BookingForm input = BookingForm.read(form, more, zone(), true);
        try {
            // the form lists every participant: the first client plus those ticked; the capacity stays
            BookingRequest.Participants who = BookingRequest.participants(input.json(), null);
            Booking changed = bookings.change(trainerId, id, BookingRequest.read(input.json(), current.details()),
                    who.clientIds(), BookingRequest.participants(input.json(), current).capacity());
            if (onlyTimeChanged(current, changed)) {
                // a reschedule can be undone: the page moves it back to where it was
                return done(changed, words.whose(changed) + " moved to " + words.when(changed) + ".", "ok",
                        Map.of("undoUrl", "/app/bookings/" + id + "/move",
                                "undoStart", BookingForm.INPUT.format(current.details().startsAt().atZone(zone())),
                                "undoEnd", BookingForm.INPUT.format(current.details().endsAt().atZone(zone()))),
                        request, response);
            }
            return done(changed, words.whose(changed) + " on " + words.when(changed) + " saved.", "ok", null,
                    request, response);
        } catch (ApiProblem problem) {
            return formPage(model, request, current, form, input.errors(problem));
        }
    }

    @GetMapping("/{id}/cancel")
    String confirmCancel(@PathVariable UUID id, Model model, HttpServletRequest request) {
        Booking booking = bookings.get(CurrentTrainer.id(), id);
        model.addAttribute("booking", booking);
        model.addAttribute("description", describe(booking));
        model.addAttribute("active", "calendar");
        return Htmx.isHtmx(request) ? "booking-cancel :: confirm" : "booking-cancel";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        try {
            Booking cancelled = bookings.cancel(trainerId, id);
            return done(cancelled, words.whose(cancelled) + " on " + words.when(cancelled) + " cancelled.", "ok",
                    Map.of("undoUrl", "/app/bookings/" + id + "/restore"), request, response);
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            model.addAttribute("problem", problem.getMessage());
            return confirmCancel(id, model, request);
        }
    }

    private String formPage(Model model, HttpServletRequest request, Booking booking, Map<String, String> form,
            FormErrors errors) {
        UUID trainerId = CurrentTrainer.id();
        model.addAttribute("active", "calendar");
        model.addAttribute("booking", booking);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("clients", clients.list(trainerId));
        model.addAttribute("sessionTypes", SessionType.values());
        model.addAttribute("zone", zone().getId());
        return Htmx.isHtmx(request) ? "booking :: form" : "booking";
    }

    /** Undo of a cancellation: the session is scheduled again, if its time is still free. */
    @PostMapping("/{id}/restore")
    @org.springframework.web.bind.annotation.ResponseBody
    BookingMoveController.Outcome restore(@PathVariable UUID id) {
        try {
            Booking restored = bookings.restore(CurrentTrainer.id(), id);
            return new BookingMoveController.Outcome(true, words.whose(restored) + " on " + words.when(restored)
                    + " is back in your calendar.");
        } catch (ApiProblem problem) {
            return new BookingMoveController.Outcome(false, "The session could not be restored. "
                    + problem.getMessage());
        }
    }

    private static boolean onlyTimeChanged(Booking before, Booking after) {
        var b = before.details();
        var a = after.details();
        return !(a.startsAt().equals(b.startsAt()) && a.endsAt().equals(b.endsAt()))
                && a.equals(new app.spotter.booking.BookingDetails(b.clientId(), a.startsAt(), a.endsAt(),
                        b.sessionType(), b.location(), b.notes(), b.colorHex()));
    }

    /**
     * After a change: htmx closes the dialog, refreshes the calendar and shows {@code message} in a toast (with
     * Undo when {@code undo} says how); a plain form returns to that day.
     *
     * @param tone "ok", "warning" or "error": how the toast looks
     */
    private String done(Booking booking, String message, String tone, Map<String, String> undo,
            HttpServletRequest request, HttpServletResponse response) {
        LocalDate day = booking.details().startsAt().atZone(zone()).toLocalDate();
        if (Htmx.isHtmx(request) && Htmx.fromPage(request, "/app/calendar")) {
            Map<String, String> detail = new HashMap<>();
            detail.put("value", message);
            detail.put("tone", tone);
            if (undo != null) {
                detail.putAll(undo);
            }
            Htmx.trigger(response, Htmx.SESSIONS_CHANGED, detail);
            return "booking :: done";
        }
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", "/app/calendar?date=" + day);
            return "booking :: done";
        }
        return "redirect:/app/calendar?date=" + day;
    }

    private String describe(Booking booking) {
        UUID trainerId = booking.trainerId();
        SyncPreferences prefs = preferences.get(trainerId);
        String client = clients.find(trainerId, booking.details().clientId()).map(c -> c.displayName()).orElse(null);
        return CalendarObjects.summaryFor(booking.details().sessionType(), client, prefs.showClientNames())
                + ", " + SPOKEN.format(booking.details().startsAt().atZone(prefs.timezoneDisplay()));
    }

    private ZoneId zone() {
        return preferences.get(CurrentTrainer.id()).timezoneDisplay();
    }

    /** The clicked slot (a date-time, or a day from the month view: 09:00), else the next full hour. */
    private static LocalDateTime startOrNextHour(String start, ZoneId zone) {
        if (start != null) {
            try {
                return start.length() <= 10 ? LocalDate.parse(start).atTime(9, 0)
                        : LocalDateTime.parse(start.length() > 19 ? start.substring(0, 19) : start)
                                .truncatedTo(ChronoUnit.MINUTES);
            } catch (DateTimeParseException ignored) {
                // fall through to the next hour
            }
        }
        return ZonedDateTime.now(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toLocalDateTime();
    }
}
