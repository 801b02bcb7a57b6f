package app.spotter.web;

import app.spotter.booking.SessionType;
import app.spotter.preferences.CalendarView;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.PreferencesRequest;
import app.spotter.preferences.SyncFrequency;
import app.spotter.preferences.SyncPreferences;
import app.spotter.support.web.ApiProblem;
import app.spotter.trainer.CurrentTrainer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/** The calendar preferences: which calendars sync and how often, and how sessions look. */
@Controller
@RequestMapping("/app/settings")
class SettingsController {

    private static final Map<String, String> LABELS = labels();

    private final Preferences preferences;

    SettingsController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    String settings(Model model) {
        return page(model, valuesOf(preferences.get(CurrentTrainer.id())), FormErrors.none());
    }

    @PostMapping
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormJson body = new FormJson()
                .bool("google_calendar_enabled", form.containsKey("google_calendar_enabled"))
                .bool("apple_calendar_enabled", form.containsKey("apple_calendar_enabled"))
                .bool("email_calendar_enabled", form.containsKey("email_calendar_enabled"))
                .bool("show_client_names", form.containsKey("show_client_names"))
                .text("sync_frequency", form.get("sync_frequency"), false)
                .text("calendar_view_default", form.get("calendar_view_default"), false)
                .text("timezone_display", ZoneChoices.resolve(form.get("timezone_display")), false);
        ObjectNode colors = body.object("session_colors");
        for (SessionType type : SessionType.values()) {
            String value = form.get("session_colors." + type.value());
            if (value != null && !value.isBlank()) {
                colors.put(type.value(), value.strip());
            }
        }
        try {
            preferences.update(CurrentTrainer.id(), PreferencesRequest.read(body.json()));
            redirect.addFlashAttribute("notice", "Settings saved.");
            return "redirect:/app/settings";
        } catch (ApiProblem problem) {
            return page(model, form, FormErrors.of(problem, LABELS, "timezone_display"));
        }
    }

    private static String page(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("active", "settings");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sessionTypes", SessionType.values());
        model.addAttribute("frequencies", SyncFrequency.values());
        model.addAttribute("views", CalendarView.values());
        model.addAttribute("zones", ZoneChoices.ALL);
        Map<SessionType, String> defaults = new java.util.EnumMap<>(SessionType.class);
        for (SessionType type : SessionType.values()) {
            defaults.put(type, Colors.defaultFor(type));
        }
        model.addAttribute("defaults", defaults);
        return "settings";
    }

    private static Map<String, String> valuesOf(SyncPreferences p) {
        Map<String, String> form = new HashMap<>();
        if (p.googleCalendarEnabled()) {
            form.put("google_calendar_enabled", "on");
        }
        if (p.appleCalendarEnabled()) {
            form.put("apple_calendar_enabled", "on");
        }
        if (p.emailCalendarEnabled()) {
            form.put("email_calendar_enabled", "on");
        }
        if (p.showClientNames()) {
            form.put("show_client_names", "on");
        }
        form.put("sync_frequency", p.syncFrequency().value());
        form.put("calendar_view_default", p.calendarViewDefault().value());
        form.put("timezone_display", ZoneChoices.display(p.timezoneDisplay().getId()));
        p.sessionColors().forEach((type, hex) -> form.put("session_colors." + type.value(), hex));
        return form;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.of("sync_frequency", "Sync frequency",
                "calendar_view_default", "Default view", "timezone_display", "Display time zone"));
        for (SessionType type : SessionType.values()) {
            labels.put("session_colors." + type.value(), type.label() + " colour");
        }
        return labels;
    }
}
