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
    private final app.spotter.booking.Conflicts conflicts;
    private final app.spotter.booking.BookingSeries series;
    private final SeriesEdits seriesEdits;

    BookingController(Bookings bookings, Clients clients, Preferences preferences, SessionWords words,
            app.spotter.booking.Conflicts conflicts, app.spotter.booking.BookingSeries series,
            SeriesEdits seriesEdits) {
        this.conflicts = conflicts;
        this.series = series;
        this.seriesEdits = seriesEdits;
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
        form.put("repeat_interval", "1");
        form.put("repeat_end", "never");
        form.put(RepeatsForm.DAYS_FIELD, RepeatsForm.dayOf(form.get("starts_at")));
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
        if (RepeatsForm.chosen(form)) {
            return createSeries(form, input, model, request, response);
        }
        try {
            BookingRequest.Participants who = BookingRequest.participants(input.json(), null);
            conflicts.refresh(trainerId);
            Bookings.Booked booked = bookings.book(trainerId, BookingRequest.read(input.json(), null),
                    who.clientIds(), who.capacity(), anyway(form));
            Booking booking = booked.booking();
            boolean past = words.inThePast(booking);
            String warnings = warnings(booked);
            return done(booking, words.whose(booking) + " booked for " + words.when(booking) + "."
                    + (past ? " Note: that time is in the past." : "") + warnings,
                    past || !warnings.isEmpty() ? "warning" : "ok", null, request, response);
        } catch (ApiProblem problem) {
            return conflictOr(model, request, null, form, input, problem);
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
        SeriesEdits.Scope scope = SeriesEdits.Scope.of(form.get("scope"));
        if (current.seriesId() != null && scope != SeriesEdits.Scope.ONE) {
            return changeSeries(current, scope, form, input, model, request, response);
        }
        try {
            // the form lists every participant: the first client plus those ticked; the capacity stays
            BookingRequest.Participants who = BookingRequest.participants(input.json(), null);
            conflicts.refresh(trainerId);
            Booking changed = bookings.reschedule(trainerId, id, BookingRequest.read(input.json(), current.details()),
                    who.clientIds(), BookingRequest.participants(input.json(), current).capacity(), anyway(form))
                    .booking();
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
            return conflictOr(model, request, current, form, input, problem);
        }
    }

    /** @param scope the choice to start from: {@code all} when the page offered "Cancel the whole series" */
    @GetMapping("/{id}/cancel")
    String confirmCancel(@PathVariable UUID id, @RequestParam(required = false) String scope, Model model,
            HttpServletRequest request) {
        Booking booking = bookings.get(CurrentTrainer.id(), id);
        model.addAttribute("chosenScope", "all".equals(scope) ? "all" : null);
        model.addAttribute("booking", booking);
        model.addAttribute("description", describe(booking));
        model.addAttribute("series", seriesEdits.of(CurrentTrainer.id(), booking).orElse(null));
        model.addAttribute("active", "calendar");
        return Htmx.isHtmx(request) ? "booking-cancel :: confirm" : "booking-cancel";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String scope, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        try {
            Booking current = bookings.get(trainerId, id);
            SeriesEdits.Scope which = SeriesEdits.Scope.of(scope);
            if (current.seriesId() != null && which != SeriesEdits.Scope.ONE) {
                seriesEdits.cancel(trainerId, current, which);
                return done(current, which == SeriesEdits.Scope.ALL
                        ? words.whose(current) + "s still to come cancelled."
                        : words.whose(current) + " on " + words.when(current) + " and the following ones cancelled.",
                        "ok", null, request, response);
            }
            Booking cancelled = bookings.cancel(trainerId, id);
            return done(cancelled, words.whose(cancelled) + " on " + words.when(cancelled) + " cancelled.", "ok",
                    Map.of("undoUrl", "/app/bookings/" + id + "/restore"), request, response);
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            model.addAttribute("problem", problem.getMessage());
            return confirmCancel(id, scope, model, request);
        }
    }

    private static boolean anyway(Map<String, String> form) {
        return "true".equals(form.get("allow_conflict"));
    }

    private static String warnings(Bookings.Booked booked) {
        StringBuilder text = new StringBuilder();
        booked.warnings().forEach(w -> text.append(' ').append(w.message()));
        return text.toString();
    }

    /**
     * Time off or a busy calendar (a 409 that names what it clashes with): the form shows why, and offers "Book
     * anyway", which sends the same form with allow_conflict. Another session at that time is no such choice.
     */
    private String conflictOr(Model model, HttpServletRequest request, Booking booking, Map<String, String> form,
            BookingForm input, ApiProblem problem) {
        if (problem.status() == org.springframework.http.HttpStatus.CONFLICT && !problem.errors().isEmpty()) {
            model.addAttribute("conflict", true);
            return formPage(model, request, booking, form,
                    FormErrors.none().with("starts_at", problem.errors().getFirst().message()));
        }
        return formPage(model, request, booking, form, input.errors(problem));
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
        model.addAttribute("repeatDays", RepeatsForm.DAYS);
        model.addAttribute("repeatsSummary", RepeatsForm.summary(form));
        model.addAttribute("series", seriesEdits.of(trainerId, booking).orElse(null));
        return Htmx.isHtmx(request) ? "booking :: form" : "booking";
    }

    /**
     * A new series from the dialog's "Repeats". Clashing dates are never left out silently: the form comes back
     * listing them, with "Book without these dates" (skip_conflicts) or going back to change the series.
     */
    private String createSeries(Map<String, String> form, BookingForm input, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        RepeatsForm.keepDays(form, request.getParameterValues(RepeatsForm.DAYS_FIELD));
        if (input.json().has("client_ids")) {
            // a series has one client (docs/api.md): never book it for the first of several clients silently
            return formPage(model, request, null, form, FormErrors.none().with("repeats", "A repeating session is "
                    + "for one client: untick the others under \"Also in this session\", or book the group once."));
        }
        try {
            app.spotter.booking.BookingDetails first = BookingRequest.read(input.json(), null);
            app.spotter.booking.Recurrence rule = RepeatsForm.read(form);
            conflicts.refresh(trainerId);
            var created = series.create(trainerId, first, rule, "true".equals(form.get("skip_conflicts")));
            String left = leftOut(created);
            return done(created.first(), words.whose(created.first()) + "s booked: " + summary(created) + "."
                    + left, left.isEmpty() ? "ok" : "warning", null, request, response);
        } catch (ApiProblem problem) {
            return seriesProblem(model, request, null, form, input, problem);
        }
    }

    /** "This and following" or "All sessions" from the edit dialog of a session of a series. */
    private String changeSeries(Booking current, SeriesEdits.Scope scope, Map<String, String> form,
            BookingForm input, Model model, HttpServletRequest request, HttpServletResponse response) {
        UUID trainerId = CurrentTrainer.id();
        try {
            var wanted = BookingRequest.read(input.json(), current.details());
            conflicts.refresh(trainerId);
            var changed = seriesEdits.change(trainerId, current, wanted, scope,
                    "true".equals(form.get("skip_conflicts")));
            String left = leftOut(changed);
            return done(changed.first(), (scope == SeriesEdits.Scope.ALL
                    ? words.whose(current) + "s still to come saved."
                    : words.whose(current) + " on " + words.when(current) + " and the following ones saved.")
                    + " Now: " + summary(changed) + "." + left, left.isEmpty() ? "ok" : "warning", null, request,
                    response);
        } catch (ApiProblem problem) {
            return seriesProblem(model, request, current, form, input, problem);
        }
    }

    private static String summary(app.spotter.booking.BookingSeries.Created created) {
        var s = created.series();
        return SeriesSummary.of(s.recurrence(), s.startDate(), s.startTime());
    }

    private String leftOut(app.spotter.booking.BookingSeries.Created created) {
        if (created.skippedStarts().isEmpty()) {
            return "";
        }
        return " Left out because they clash: " + String.join(", ", created.skippedStarts().stream()
                .map(t -> SessionWords.WHEN.format(t.atZone(zone()))).toList()) + ".";
    }

    /** A series refused: its clashing dates listed for the trainer to choose, else the errors at their fields. */
    private String seriesProblem(Model model, HttpServletRequest request, Booking booking, Map<String, String> form,
            BookingForm input, ApiProblem problem) {
        if (SeriesEdits.isClashList(problem)) {
            model.addAttribute("clashes", SeriesEdits.clashes(problem, zone()));
            return formPage(model, request, booking, form, FormErrors.none());
        }
        if (RepeatsForm.about(problem)) {
            return formPage(model, request, booking, form, RepeatsForm.errors(problem));
        }
        return formPage(model, request, booking, form, input.errors(problem));
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
