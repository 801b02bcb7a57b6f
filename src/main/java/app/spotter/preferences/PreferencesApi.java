package app.spotter.preferences;

import app.spotter.booking.SessionType;
import app.spotter.support.web.JsonFields;
import app.spotter.support.web.Zones;
import app.spotter.trainer.CurrentTrainer;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/calendar-sync/preferences")
class PreferencesApi {

    private static final Set<String> FIELDS = Set.of("google_calendar_enabled", "apple_calendar_enabled",
            "email_calendar_enabled", "sync_frequency", "calendar_view_default", "show_client_names",
            "session_colors", "timezone_display");
    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    record PreferencesView(boolean googleCalendarEnabled, boolean appleCalendarEnabled,
            boolean emailCalendarEnabled, String syncFrequency, String calendarViewDefault, boolean showClientNames,
            Map<String, String> sessionColors, String timezoneDisplay) {
        static PreferencesView of(SyncPreferences p) {
            Map<String, String> colors = new LinkedHashMap<>();
            p.sessionColors().forEach((type, hex) -> colors.put(type.value(), hex));
            return new PreferencesView(p.googleCalendarEnabled(), p.appleCalendarEnabled(),
                    p.emailCalendarEnabled(), p.syncFrequency().value(), p.calendarViewDefault().value(),
                    p.showClientNames(), colors, p.timezoneDisplay().getId());
        }
    }

    private final Preferences preferences;

    PreferencesApi(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    PreferencesView get() {
        return PreferencesView.of(preferences.get(CurrentTrainer.id()));
    }

    /** A partial object: absent fields keep their value. */
    @PutMapping
    PreferencesView put(@RequestBody JsonNode body) {
        return PreferencesView.of(preferences.update(CurrentTrainer.id(), read(body)));
    }

    /** Validates a partial body and returns the change it asks for; throws the invalid fields, if any. */
    static UnaryOperator<SyncPreferences> read(JsonNode body) {
        var f = JsonFields.of(body, FIELDS);
        Boolean google = f.bool("google_calendar_enabled", false);
        Boolean apple = f.bool("apple_calendar_enabled", false);
        Boolean email = f.bool("email_calendar_enabled", false);
        Boolean names = f.bool("show_client_names", false);
        SyncFrequency frequency = choice(f, "sync_frequency", SyncFrequency::fromValue, SyncFrequency.values());
        CalendarView view = choice(f, "calendar_view_default", CalendarView::fromValue, CalendarView.values());
        String zone = f.text("timezone_display", false, 100);
        if (zone != null && !Zones.isRegion(zone)) {
            f.reject("timezone_display", "must be an IANA time zone such as Africa/Johannesburg");
        }
        Map<SessionType, String> colors = colors(f);
        f.validate();
        return p -> new SyncPreferences(p.trainerId(),
                google != null ? google : p.googleCalendarEnabled(),
                apple != null ? apple : p.appleCalendarEnabled(),
                email != null ? email : p.emailCalendarEnabled(),
                frequency != null ? frequency : p.syncFrequency(),
                view != null ? view : p.calendarViewDefault(),
                names != null ? names : p.showClientNames(),
                colors != null ? colors : p.sessionColors(),
                zone != null ? ZoneId.of(zone) : p.timezoneDisplay());
    }

    private static Map<SessionType, String> colors(JsonFields f) {
        JsonNode node = f.object("session_colors");
        if (node == null) {
            return null;
        }
        Map<SessionType, String> colors = new EnumMap<>(SessionType.class);
        for (String key : node.propertyNames()) {
            var type = SessionType.fromValue(key);
            JsonNode value = node.get(key);
            if (type.isEmpty()) {
                f.reject("session_colors." + key, "is not a session type");
            } else if (!value.isString() || !COLOR.matcher(value.stringValue()).matches()) {
                f.reject("session_colors." + key, "must be a colour like #1E90FF");
            } else {
                colors.put(type.get(), value.stringValue().toUpperCase());
            }
        }
        return colors;
    }

    private static <T extends Enum<T>> T choice(JsonFields f, String field,
            java.util.function.Function<String, java.util.Optional<T>> parse, T[] all) {
        String value = f.text(field, false, 20);
        if (value == null) {
            return null;
        }
        return parse.apply(value).orElseGet(() -> {
            f.reject(field, "must be one of " + Arrays.stream(all).map(e -> e.name().toLowerCase())
                    .collect(Collectors.joining(", ")));
            return null;
        });
    }
}
