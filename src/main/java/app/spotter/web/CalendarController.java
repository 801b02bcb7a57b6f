package app.spotter.web;

import app.spotter.booking.SessionType;
import app.spotter.preferences.CalendarView;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.PreferencesRequest;
import app.spotter.preferences.SyncPreferences;
import app.spotter.trainer.CurrentTrainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The calendar page (FullCalendar fed by {@link CalendarEventsController}) and its "client names" switch. */
@Controller
@RequestMapping("/app/calendar")
class CalendarController {

    /** A session type's legend entry: its label and the colour sessions of that type show in, if any. */
    public record LegendEntry(String label, String color, String textColor) {}

    private final Preferences preferences;
    private final SyncCards syncCards;
    private final app.spotter.availability.Availability availability;
    private final tools.jackson.databind.ObjectMapper json;

    CalendarController(Preferences preferences, SyncCards syncCards,
            app.spotter.availability.Availability availability, tools.jackson.databind.ObjectMapper json) {
        this.preferences = preferences;
        this.syncCards = syncCards;
        this.availability = availability;
        this.json = json;
    }

    /**
     * FullCalendar's businessHours (days 0 = Sunday) from the working hours: the rest of the grid is shaded. No
     * hours set: nothing is shaded. Also the earliest start, where week and day views open.
     */
    private void workingHours(Model model) {
        app.spotter.availability.WorkingHours hours = availability.hours(CurrentTrainer.id());
        java.util.List<java.util.Map<String, Object>> business = new java.util.ArrayList<>();
        java.time.LocalTime earliest = null;
        for (var day : hours.weekly().entrySet()) {
            for (var range : day.getValue()) {
                business.add(java.util.Map.of("daysOfWeek", java.util.List.of(day.getKey().getValue() % 7),
                        "startTime", range.from().toString(), "endTime", range.to().toString()));
                earliest = earliest == null || range.from().isBefore(earliest) ? range.from() : earliest;
            }
        }
        model.addAttribute("businessHours", business.isEmpty() ? "false" : json.writeValueAsString(business));
        model.addAttribute("dayStart", earliest == null ? "06:00" : earliest.toString());
    }

    @GetMapping
    String calendar(@RequestParam(required = false) String date, @RequestParam(required = false) String view,
            Model model) {
        SyncPreferences prefs = preferences.get(CurrentTrainer.id());
        model.addAttribute("active", "calendar");
        model.addAttribute("prefs", prefs);
        model.addAttribute("initialView", fullCalendarView(CalendarView.fromValue(view)
                .orElse(prefs.calendarViewDefault())));
        model.addAttribute("initialDate", validDate(date));
        model.addAttribute("zone", prefs.timezoneDisplay().getId());
        model.addAttribute("legend", legend(prefs));
        // the trainer's default view is for wide screens; the page picks a phone view unless one was asked for
        model.addAttribute("viewChosen", view != null && CalendarView.fromValue(view).isPresent());
        model.addAttribute("defaultView", prefs.calendarViewDefault().value());
        model.addAttribute("failing", syncCards.of(CurrentTrainer.id()).stream().filter(SyncCard::failing).toList());
        workingHours(model);
        return "calendar";
    }

    /** Shows or hides client names everywhere (calendar and synced calendars), from the calendar's own switch. */
    @PostMapping("/client-names")
    Object clientNames(@RequestParam(name = "show_client_names", required = false) String show,
            HttpServletRequest request, HttpServletResponse response) {
        boolean on = "true".equals(show) || "on".equals(show);
        preferences.update(CurrentTrainer.id(), PreferencesRequest.read(
                new FormJson().bool("show_client_names", on).json()));
        if (Htmx.isHtmx(request)) {
            Htmx.trigger(response, Htmx.SESSIONS_CHANGED, on ? "Client names shown." : "Client names hidden.");
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        return "redirect:/app/calendar";
    }

    static String fullCalendarView(CalendarView view) {
        return switch (view) {
            case MONTH -> "dayGridMonth";
            case WEEK -> "timeGridWeek";
            case DAY -> "timeGridDay";
            case LIST -> "listWeek";
        };
    }

    private static String validDate(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<LegendEntry> legend(SyncPreferences prefs) {
        return Arrays.stream(SessionType.values()).map(type -> {
            String chosen = prefs.colorFor(type, null);
            String color = chosen != null ? chosen : Colors.defaultFor(type);
            return new LegendEntry(type.label(), color, Colors.textOn(color));
        }).toList();
    }
}
