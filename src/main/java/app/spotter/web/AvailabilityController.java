package app.spotter.web;

import app.spotter.availability.Availability;
import app.spotter.availability.TimeOff;
import app.spotter.availability.WorkingHours;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import app.spotter.trainer.Trainers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Working hours and time off in the browser: a day's hours are written "06:00-12:00, 15:00-19:00" (empty: a day
 * off); time off is whole days. The same rules as the JSON API apply (the form becomes its body).
 */
@Controller
@RequestMapping("/app/availability")
class AvailabilityController {

    static final String[] CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy",
            Locale.forLanguageTag("en-ZA"));

    /** One row of the time-off list. */
    public record OffRow(UUID id, String from, String to, String label) {}

    private final Availability availability;
    private final Trainers trainers;

    AvailabilityController(Availability availability, Trainers trainers) {
        this.availability = availability;
        this.trainers = trainers;
    }

    @GetMapping
    String page(Model model) {
        WorkingHours hours = availability.hours(CurrentTrainer.id());
        Map<String, String> form = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            form.put(CODES[day.ordinal()], hours.on(day).stream().map(r -> r.from() + "-" + r.to())
                    .collect(Collectors.joining(", ")));
        }
        form.put("buffer_minutes", Integer.toString(hours.bufferMinutes()));
        form.put("min_notice_minutes", Integer.toString(hours.minNoticeMinutes()));
        if (hours.allDayEventsBusy()) {
            form.put("all_day_events_busy", "on");
        }
        if (hours.busyShowsProvider()) {
            form.put("busy_shows_provider", "on");
        }
        return render(model, form, FormErrors.none());
    }

    @PostMapping("/hours")
    String saveHours(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        ObjectNode weekly = body.putObject("weekly");
        for (String code : CODES) {
            var ranges = weekly.putArray(code);
            String text = form.getOrDefault(code, "").strip();
            if (text.isEmpty()) {
                continue;
            }
            for (String range : text.split(",")) {
                String[] parts = range.strip().split("\\s*[-–]\\s*");
                ObjectNode r = ranges.addObject();
                r.put("from", parts.length > 0 ? parts[0].strip() : "");
                r.put("to", parts.length > 1 ? parts[1].strip() : "");
            }
        }
        body.put("buffer_minutes", number(form.get("buffer_minutes")));
        body.put("min_notice_minutes", number(form.get("min_notice_minutes")));
        body.put("all_day_events_busy", form.containsKey("all_day_events_busy"));
        body.put("busy_shows_provider", form.containsKey("busy_shows_provider"));
        try {
            availability.updateHours(CurrentTrainer.id(), body);
        } catch (ApiProblem problem) {
            return render(model, form, FormErrors.of(problem, labels(), "MO"));
        }
        redirect.addFlashAttribute("notice", "Working hours saved.");
        return "redirect:/app/availability";
    }

    @PostMapping("/time-off")
    String addTimeOff(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        try {
            LocalDate first = LocalDate.parse(form.getOrDefault("first_day", ""));
            LocalDate last = LocalDate.parse(form.getOrDefault("last_day", ""));
            if (last.isBefore(first)) {
                throw ApiProblem.invalid("last_day", "must be on or after the first day");
            }
            String label = form.getOrDefault("label", "").strip();
            availability.addTimeOff(trainerId, first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(),
                    label.isEmpty() ? null : label.substring(0, Math.min(200, label.length())));
        } catch (DateTimeParseException e) {
            return render(model, page(trainerId), FormErrors.none().with("first_day", "Give the first and last day."));
        } catch (ApiProblem problem) {
            return render(model, page(trainerId), FormErrors.none().with("first_day", problem.getMessage()));
        }
        redirect.addFlashAttribute("notice", "Time off added.");
        return "redirect:/app/availability";
    }

    @PostMapping("/time-off/{id}/delete")
    String deleteTimeOff(@PathVariable UUID id, RedirectAttributes redirect) {
        availability.deleteTimeOff(CurrentTrainer.id(), id);
        redirect.addFlashAttribute("notice", "Time off removed.");
        return "redirect:/app/availability";
    }

    private Map<String, String> page(UUID trainerId) {
        Model scratch = new org.springframework.ui.ExtendedModelMap();
        page(scratch);
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) scratch.getAttribute("form");
        return form;
    }

    private String render(Model model, Map<String, String> form, FormErrors errors) {
        UUID trainerId = CurrentTrainer.id();
        ZoneId zone = trainers.zone(trainerId);
        Instant now = Instant.now();
        List<TimeOff> offs = availability.timeOff(trainerId, now.minus(java.time.Duration.ofDays(1)),
                now.plus(java.time.Duration.ofDays(3660)));
        model.addAttribute("active", "availability");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", CODES);
        model.addAttribute("dayNames", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday"));
        model.addAttribute("timeOff", offs.stream().map(o -> new OffRow(o.id(), DAY.format(o.startsAt().atZone(zone)),
                DAY.format(o.endsAt().minusSeconds(1).atZone(zone)), o.label())).toList());
        model.addAttribute("zone", zone.getId());
        return "availability";
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value == null ? "0" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("buffer_minutes", "Buffer");
        labels.put("min_notice_minutes", "Minimum notice");
        return labels;
    }
}
