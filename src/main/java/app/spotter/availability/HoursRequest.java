package app.spotter.availability;

import app.spotter.support.web.ApiProblem;
import app.spotter.support.web.JsonFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads {@code PUT /availability/hours}; absent fields keep their value, every invalid one is named. */
final class HoursRequest {

    static final Set<String> FIELDS = Set.of("weekly", "buffer_minutes", "min_notice_minutes", "all_day_events_busy",
            "busy_shows_provider");
    private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    private static final int MAX_RANGES_A_DAY = 8;

    private HoursRequest() {}

    static WorkingHours read(JsonNode body, WorkingHours current) {
        JsonFields f = JsonFields.of(body, FIELDS);
        Integer buffer = f.integer("buffer_minutes", false, 0, 240);
        Integer notice = f.integer("min_notice_minutes", false, 0, 30 * 24 * 60);
        Boolean allDay = f.bool("all_day_events_busy", false);
        Boolean showProvider = f.bool("busy_shows_provider", false);
        Map<DayOfWeek, List<WorkingHours.Range>> weekly = current.weekly();
        JsonNode node = f.object("weekly");
        if (node != null) {
            weekly = weekly(node, f);
        }
        f.validate();
        return new WorkingHours(weekly, buffer == null ? current.bufferMinutes() : buffer,
                notice == null ? current.minNoticeMinutes() : notice,
                allDay == null ? current.allDayEventsBusy() : allDay,
                showProvider == null ? current.busyShowsProvider() : showProvider);
    }

    private static Map<DayOfWeek, List<WorkingHours.Range>> weekly(JsonNode node, JsonFields f) {
        Map<DayOfWeek, List<WorkingHours.Range>> weekly = new EnumMap<>(DayOfWeek.class);
        for (String code : node.propertyNames()) {
            String field = "weekly." + code;
            var day = Weekdays.day(code);
            JsonNode ranges = node.get(code);
            if (day.isEmpty()) {
                f.reject(field, "is not a weekday; use MO, TU, WE, TH, FR, SA or SU");
                continue;
            }
            if (!ranges.isArray() || ranges.size() > MAX_RANGES_A_DAY) {
                f.reject(field, "must be a list of at most " + MAX_RANGES_A_DAY + " {from, to} ranges");
                continue;
            }
            List<WorkingHours.Range> list = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                JsonNode r = ranges.get(i);
                LocalTime from = time(r, "from", field + "[" + i + "].from", f);
                LocalTime to = time(r, "to", field + "[" + i + "].to", f);
                if (r.isObject() && r.propertyNames().stream().anyMatch(n -> !n.equals("from") && !n.equals("to"))) {
                    f.reject(field + "[" + i + "]", "takes only from and to");
                } else if (from != null && to != null) {
                    if (!to.isAfter(from)) {
                        f.reject(field + "[" + i + "].to", "must be after from");
                    } else {
                        list.add(new WorkingHours.Range(from, to));
                    }
                }
            }
            list.sort(java.util.Comparator.comparing(WorkingHours.Range::from));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).from().isBefore(list.get(i - 1).to())) {
                    f.reject(field, "ranges must not overlap");
                    break;
                }
            }
            weekly.put(day.get(), list);
        }
        return weekly;
    }

    private static LocalTime time(JsonNode range, String name, String field, JsonFields f) {
        JsonNode value = range.isObject() ? range.get(name) : null;
        if (value == null || !value.isString() || !TIME.matcher(value.stringValue()).matches()) {
            f.reject(field, "must be a time like 06:00");
            return null;
        }
        try {
            return LocalTime.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a time like 06:00");
        }
    }
}
